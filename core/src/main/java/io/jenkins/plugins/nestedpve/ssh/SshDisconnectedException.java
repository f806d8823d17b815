package io.jenkins.plugins.nestedpve.ssh;

/**
 * The SSH connection dropped while a command or transfer ran (the host rebooted, sshd restarted,
 * the network failed). Whether the command took effect is unknown; the session is unusable.
 */
public class SshDisconnectedException extends SshException {
    private static final long serialVersionUID = 1L;

    private final String hostPort;
    private final String activity;

    public SshDisconnectedException(String hostPort, String activity, String message, Throwable cause) {
        super(message, cause);
        this.hostPort = hostPort;
        this.activity = activity;
    }

    public String hostPort() {
        return hostPort;
    }

    /** What was running, by its safe label, e.g. {@code `apt-get`} or {@code SFTP upload to /etc/x}. */
    public String activity() {
        return activity;
    }
}
