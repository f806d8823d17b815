package io.jenkins.plugins.nestedpve.ssh;

/**
 * The outcome of a remote command.
 *
 * @param exitCode the exit status (127 for "command not found", as bash reports it)
 * @param stdout everything written to standard output
 * @param stderr everything written to standard error
 */
public record ExecResult(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** The last {@code n} lines of stderr (or stdout when stderr is empty), for error messages. */
    public String tail(int n) {
        String text = stderr.isBlank() ? stdout : stderr;
        String[] lines = text.strip().split("\n");
        int from = Math.max(0, lines.length - n);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
