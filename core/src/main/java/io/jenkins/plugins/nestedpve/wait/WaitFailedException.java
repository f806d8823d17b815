package io.jenkins.plugins.nestedpve.wait;

import io.jenkins.plugins.nestedpve.NestedPveException;

/** A probe failed with a checked exception while waiting. */
public class WaitFailedException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    public WaitFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
