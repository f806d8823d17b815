package io.jenkins.plugins.nestedpve.sim.shell;

/** Unwinds the interpreter: {@code exit N}, {@code set -e} failures and fatal expansion errors. */
final class ExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ExitException(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
