package io.jenkins.plugins.nestedpve.sim.http;

/** The bytes on the wire are not an HTTP/1.x request PVE would accept; answered, then the connection closes. */
final class HttpProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpProtocolException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
