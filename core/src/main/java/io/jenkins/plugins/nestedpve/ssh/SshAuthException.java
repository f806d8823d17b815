package io.jenkins.plugins.nestedpve.ssh;

/** The server refused the credentials (or the private key could not be read). Never retried. */
public class SshAuthException extends SshException {
    private static final long serialVersionUID = 1L;

    private final String target;
    private final String method;

    public SshAuthException(SshTarget target, String method, String message, Throwable cause) {
        super(message, cause);
        this.target = target.toString();
        this.method = method;
    }

    /** {@code user@host:port}. */
    public String target() {
        return target;
    }

    /** The authentication method tried: {@code publickey} or {@code password}. */
    public String method() {
        return method;
    }
}
