package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.NestedPveException;

/**
 * A non-idempotent request (clone, create, start, ...) may or may not have taken effect: the
 * connection failed after sending, or a gateway-type 5xx came back. The client never re-sends such
 * a request; where it can, it re-reads the state ({@link #observed()}) so that the caller decides,
 * e.g. "the clone exists and is locked: find and wait for its task" or "nothing exists: pick a new
 * VMID and clone again".
 */
public class PveAmbiguousOutcomeException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private final ObservedVmState observed;

    public PveAmbiguousOutcomeException(String method, String path, ObservedVmState observed, Throwable cause) {
        super(message(method, path, observed, cause), cause);
        this.method = method;
        this.path = path;
        this.observed = observed;
    }

    private static String message(String method, String path, ObservedVmState observed, Throwable cause) {
        return method + " " + path + ": outcome unknown (" + cause.getMessage() + "). The request was not re-sent. "
                + (observed == null
                        ? "Check on the host whether it took effect before repeating it."
                        : "Re-read: " + observed.describe() + ".");
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** What was re-read after the failure, or {@code null} when the request kind has no re-read. */
    public ObservedVmState observed() {
        return observed;
    }
}
