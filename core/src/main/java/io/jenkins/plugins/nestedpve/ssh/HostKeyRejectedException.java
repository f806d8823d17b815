package io.jenkins.plugins.nestedpve.ssh;

import java.util.List;

/**
 * The server presented a host key the {@link HostKeyPolicy} does not accept; the connection was
 * closed before any credential was sent. Never retried.
 */
public class HostKeyRejectedException extends SshException {
    private static final long serialVersionUID = 1L;

    private final String hostPort;
    private final String policy;
    private final List<String> expected;
    private final String actual;
    private final String actualKeyType;

    public HostKeyRejectedException(
            String hostPort, String policy, List<String> expected, HostKeyFingerprint actual, String message) {
        super(message);
        this.hostPort = hostPort;
        this.policy = policy;
        this.expected = List.copyOf(expected);
        this.actual = actual.sha256();
        this.actualKeyType = actual.keyType();
    }

    public String hostPort() {
        return hostPort;
    }

    /** The name of the policy that refused the key: {@code pinned}. */
    public String policy() {
        return policy;
    }

    /** The fingerprints that would have been accepted. */
    public List<String> expected() {
        return expected;
    }

    /** The fingerprint of the key the server presented. */
    public String actual() {
        return actual;
    }

    public String actualKeyType() {
        return actualKeyType;
    }
}
