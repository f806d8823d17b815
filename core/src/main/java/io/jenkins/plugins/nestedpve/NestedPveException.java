package io.jenkins.plugins.nestedpve;

/**
 * Root of the project's small unchecked exception tree. Messages say what happened and what to do
 * next; they never contain secrets.
 */
public class NestedPveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NestedPveException(String message) {
        super(message);
    }

    public NestedPveException(String message, Throwable cause) {
        super(message, cause);
    }
}
