package io.jenkins.plugins.nestedpve.ssh;

/**
 * The SSH server could not be reached or dropped the connection before login (refused, reset,
 * connect timeout): a transient failure while a machine boots, retried by {@link
 * SshConnector#connectWithRetry} until its deadline.
 */
public class SshConnectException extends SshException {
    private static final long serialVersionUID = 1L;

    private final String hostPort;

    public SshConnectException(String hostPort, String message, Throwable cause) {
        super(message, cause);
        this.hostPort = hostPort;
    }

    /** The server, {@code host:port}. */
    public String hostPort() {
        return hostPort;
    }
}
