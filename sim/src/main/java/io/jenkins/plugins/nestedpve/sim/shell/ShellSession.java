package io.jenkins.plugins.nestedpve.sim.shell;

import io.jenkins.plugins.nestedpve.sim.shell.parse.Parser;
import io.jenkins.plugins.nestedpve.sim.shell.parse.SyntaxException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An interactive (non-TTY) shell: commands are run one complete input at a time in one shell
 * process, so variables and {@code cd} carry over; {@code exit} ends it. Used for SSH shell channels.
 */
public final class ShellSession {
    private final Interpreter interpreter;
    private final PrintStream out;
    private final PrintStream err;
    private boolean exited;
    private int lastStatus;

    ShellSession(Shell shell, Map<String, String> env, OutputStream stdout, OutputStream stderr) {
        Map<String, String> environment = new LinkedHashMap<>(Shell.DEFAULT_ENVIRONMENT);
        environment.putAll(env);
        ShellState state = ShellState.fromEnvironment(environment, environment.get("HOME"));
        this.interpreter = new Interpreter(shell, state, new Dialect("bash", false, false));
        this.out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        this.err = new PrintStream(stderr, false, StandardCharsets.UTF_8);
    }

    /** Whether {@code text} is a complete input (no open quote, {@code if}, loop or group). */
    public static boolean isComplete(String text) {
        try {
            Parser.parse(text);
            return true;
        } catch (SyntaxException e) {
            return !e.getMessage().contains("unexpected end of file")
                    && !e.getMessage().contains("unexpected EOF");
        }
    }

    /** Runs one complete input; returns its exit status. */
    public int run(String input, InputStream stdin) throws InterruptedException {
        if (exited) {
            throw new IllegalStateException("the shell session has exited with status " + lastStatus);
        }
        Interpreter.Outcome outcome = interpreter.runInteractive(input, new Io(stdin, out, err));
        exited = outcome.exited();
        lastStatus = outcome.status();
        return lastStatus;
    }

    /** Whether {@code exit} was run. */
    public boolean exited() {
        return exited;
    }

    /** Status of the last input (the session's exit status once {@link #exited()}). */
    public int lastStatus() {
        return lastStatus;
    }
}
