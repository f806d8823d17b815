package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.cluster.NodeLogin;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.lifecycle.PveClientFactory;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.LineSink;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshConnectException;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshDisconnectedException;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.time.Duration;
import java.util.Optional;

/**
 * The nodes over the network: SSH as root with the host key pinned to the recorded fingerprint, the
 * API as root@pam pinned to the recorded certificate fingerprint. There is no trust-on-first-use.
 */
final class RemoteAccess implements ClusterAccess {
    private final SshConnector ssh;
    private final SshAuth auth;
    private final PveClientFactory clients;
    private final Secret rootPassword;

    RemoteAccess(SshConnector ssh, SshAuth auth, PveClientFactory clients, Secret rootPassword) {
        this.ssh = ssh;
        this.auth = auth;
        this.clients = clients;
        this.rootPassword = rootPassword;
    }

    @Override
    public NodeShell shell(NestedNode node, Deadline deadline) throws InterruptedException {
        return new SshShell(NodeLogin.openWithRetry(ssh, node, auth, deadline));
    }

    @Override
    public Optional<NodeShell> tryShell(NestedNode node) {
        try {
            return Optional.of(new SshShell(NodeLogin.open(ssh, node, auth)));
        } catch (SshConnectException | SshDisconnectedException e) {
            return Optional.empty();
        }
    }

    @Override
    public NodeApi api(NestedNode node) {
        return new PveNodeApi(clients.connect(
                node.address(),
                node.apiPort(),
                node.name(),
                Fingerprint.parse(node.apiFingerprint()),
                PveCredentials.rootTicket(rootPassword.reveal())));
    }

    /** {@link NodeShell} over one SSH session. */
    private record SshShell(SshSession session) implements NodeShell {
        @Override
        public ExecResult run(String command, Duration timeout) throws InterruptedException {
            return session.run(command, timeout);
        }

        @Override
        public ExecResult stream(String command, Duration timeout, LineSink lines) throws InterruptedException {
            return session.exec(command, timeout, lines, lines);
        }

        @Override
        public void write(String path, String content) {
            session.upload(content, path, 0644);
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
