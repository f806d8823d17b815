package io.jenkins.plugins.nestedpve.sim.shell.parse;

/** A shell syntax error; the message is bash's text without the {@code bash: line N:} prefix. */
public final class SyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    public SyntaxException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line of the error. */
    public int line() {
        return line;
    }
}
