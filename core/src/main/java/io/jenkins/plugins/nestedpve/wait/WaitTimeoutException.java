package io.jenkins.plugins.nestedpve.wait;

import io.jenkins.plugins.nestedpve.NestedPveException;

/** A wait ran past its deadline; the message states what was expected. */
public class WaitTimeoutException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    public WaitTimeoutException(String message) {
        super(message);
    }

    public WaitTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
