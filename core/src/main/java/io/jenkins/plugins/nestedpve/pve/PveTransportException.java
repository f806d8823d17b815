package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.NestedPveException;

/**
 * The request got no HTTP answer: connection refused or reset, TLS failure, or a timeout. {@link
 * #nothingSent()} tells whether the connection was never established (so PVE cannot have acted on
 * the request).
 */
public class PveTransportException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private final boolean nothingSent;

    public PveTransportException(String message, String method, String path, boolean nothingSent, Throwable cause) {
        super(message, cause);
        this.method = method;
        this.path = path;
        this.nothingSent = nothingSent;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Whether the connection failed before the request could be sent (refused, connect timeout). */
    public boolean nothingSent() {
        return nothingSent;
    }
}
