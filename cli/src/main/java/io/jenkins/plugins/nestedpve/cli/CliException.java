package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.NestedPveException;

/** A command ends with {@link #exitCode()} and a message for the user (no stack trace, no secrets). */
public class CliException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** One of {@link ExitCodes}. */
    public int exitCode() {
        return exitCode;
    }
}
