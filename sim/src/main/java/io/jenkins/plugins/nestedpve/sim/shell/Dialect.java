package io.jenkins.plugins.nestedpve.sim.shell;

/**
 * How a shell instance names itself in error messages: bash ({@code bash: line 3: x: command not
 * found}) or dash as {@code sh} ({@code sh: 3: x: not found}), running a {@code -c} string, stdin
 * or a script file.
 *
 * @param label {@code bash}, {@code sh}, or the script path
 * @param dash whether dash's message formats apply
 * @param commandString whether the script came from {@code -c}
 */
record Dialect(String label, boolean dash, boolean commandString) {
    static Dialect bashCommand() {
        return new Dialect("bash", false, true);
    }

    /** Prefix of a runtime error on {@code line}. */
    String prefix(int line) {
        return dash ? label + ": " + line + ": " : label + ": line " + line + ": ";
    }

    /** Prefix of a syntax error on {@code line}. */
    String syntaxPrefix(int line) {
        if (dash) {
            return label + ": " + line + ": ";
        }
        return commandString ? label + ": -c: line " + line + ": " : prefix(line);
    }

    /** The message for a program that was not found. */
    String notFound(int line, String name) {
        return prefix(line) + name + (dash ? ": not found" : ": command not found");
    }
}
