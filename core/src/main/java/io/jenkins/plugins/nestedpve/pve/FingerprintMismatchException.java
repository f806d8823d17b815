package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.NestedPveException;

/**
 * The server's TLS leaf certificate does not have the pinned SHA-256 fingerprint. The connection
 * was refused before any credentials were sent. Never retried.
 */
public class FingerprintMismatchException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;
    private final String expected;
    private final String actual;

    public FingerprintMismatchException(String host, int port, Fingerprint expected, Fingerprint actual) {
        super(message(host, port, expected, actual));
        this.host = host;
        this.port = port;
        this.expected = expected.value();
        this.actual = actual.value();
    }

    private static String message(String host, int port, Fingerprint expected, Fingerprint actual) {
        return "TLS certificate of " + host + ":" + port + " does not match the pinned fingerprint.\n"
                + "  expected: " + expected + "\n"
                + "  actual:   " + actual + "\n"
                + "Nothing was sent. If the host's certificate was renewed, or the node joined a cluster"
                + " (which regenerates its certificate), re-read the fingerprint on the host with"
                + " `pvenode cert info` (or GET /nodes/{node}/certificates/info) and update the pinned"
                + " fingerprint; otherwise you may be talking to a different machine.";
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The pinned fingerprint, {@code AA:BB:...}. */
    public String expected() {
        return expected;
    }

    /** The fingerprint the server presented, {@code AA:BB:...}. */
    public String actual() {
        return actual;
    }
}
