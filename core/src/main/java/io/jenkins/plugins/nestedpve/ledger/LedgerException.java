package io.jenkins.plugins.nestedpve.ledger;

import io.jenkins.plugins.nestedpve.NestedPveException;

/** The ledger could not be written or read; says which file and what to check. */
public class LedgerException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerException(String message) {
        super(message);
    }
}
