package io.jenkins.plugins.nestedpve.cluster;

import io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import io.jenkins.plugins.nestedpve.ssh.SshTarget;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.util.List;

/**
 * The one way to a root shell on a finished node: SSH as root to its address and port, the host key pinned to
 * the fingerprint recorded when the node was made. There is no trust-on-first-use: a node without a recorded
 * fingerprint is refused before anything is sent, since the login (a root password) would go to a host nobody
 * verified. Used by the CLI's checks, the upgrade trial and the plugin's {@code nestedPveSh}.
 */
public final class NodeLogin {
    private NodeLogin() {}

    /** A session on {@code node} as root. */
    public static SshSession open(SshConnector ssh, NestedNode node, SshAuth auth) {
        return open(ssh, node.name(), node.address(), node.sshPort(), node.sshHostKeyFingerprint(), auth);
    }

    /**
     * A session as root on the node {@code name} at {@code address:port} whose host key is {@code
     * hostKeyFingerprint}.
     *
     * @throws IllegalStateException when no fingerprint is recorded (nothing is sent)
     */
    public static SshSession open(
            SshConnector ssh, String name, String address, int port, String hostKeyFingerprint, SshAuth auth) {
        return ssh.connect(target(address, port), auth, pinned(name, hostKeyFingerprint));
    }

    /** {@link #open(SshConnector, NestedNode, SshAuth)}, retrying refused connections until {@code deadline}. */
    public static SshSession openWithRetry(SshConnector ssh, NestedNode node, SshAuth auth, Deadline deadline)
            throws InterruptedException {
        return ssh.connectWithRetry(
                target(node.address(), node.sshPort()),
                auth,
                pinned(node.name(), node.sshHostKeyFingerprint()),
                deadline);
    }

    private static SshTarget target(String address, int port) {
        return new SshTarget(address, port, "root");
    }

    private static HostKeyPolicy pinned(String name, String fingerprint) {
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalStateException("no SSH host key is recorded for node " + name
                    + "; refusing to log in as root to an unverified host. Use the node through the cluster that"
                    + " created it (its descriptor or the nestedPveCluster block), which records the key");
        }
        return HostKeyPolicy.pinned(List.of(fingerprint));
    }
}
