package io.jenkins.plugins.nestedpve.ssh;

import java.time.Duration;

/** A remote command ran past its deadline; it was killed and its channel closed. */
public class SshTimeoutException extends SshException {
    private static final long serialVersionUID = 1L;

    private final String hostPort;
    private final String command;
    private final Duration timeout;

    public SshTimeoutException(String hostPort, String command, Duration timeout, String message) {
        super(message);
        this.hostPort = hostPort;
        this.command = command;
        this.timeout = timeout;
    }

    public String hostPort() {
        return hostPort;
    }

    /** The command's safe label (its first word, or the label of a {@link SensitiveCommand}). */
    public String command() {
        return command;
    }

    /** How long the command was given. */
    public Duration timeout() {
        return timeout;
    }
}
