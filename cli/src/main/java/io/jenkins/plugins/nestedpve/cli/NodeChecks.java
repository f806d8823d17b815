package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.cluster.NodeLogin;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo's check of a finished cluster: on every node, over SSH as root (the node's host key
 * pinned), {@code pveversion} and {@code pvecm status}; the cluster passes when every node answers
 * and reports {@code Quorate: Yes} (a standalone node has no quorum to report).
 */
final class NodeChecks {
    /** Connection attempts per node: an SSH session can drop, as on a real network. */
    static final int ATTEMPTS = 5;

    /**
     * One node's answers.
     *
     * @param pveversion the first line of {@code pveversion}, e.g. {@code pve-manager/8.4.1/...}
     * @param quorate whether {@code pvecm status} said {@code Quorate: Yes} (true for a standalone node)
     * @param error what went wrong, or null
     */
    record Result(String node, String pveversion, boolean quorate, String error) {
        boolean ok() {
            return error == null && quorate;
        }
    }

    private final SshConnector ssh;
    private final Duration timeout;

    NodeChecks(SshConnector ssh, Duration timeout) {
        this.ssh = ssh;
        this.timeout = timeout;
    }

    List<Result> run(NestedCluster cluster, Secret rootPassword) throws InterruptedException {
        List<Result> results = new ArrayList<>();
        for (NestedNode node : cluster.nodes()) {
            results.add(check(node, cluster.clustered(), rootPassword));
        }
        return results;
    }

    private Result check(NestedNode node, boolean clustered, Secret rootPassword) throws InterruptedException {
        NestedPveException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return checkOnce(node, clustered, rootPassword);
            } catch (NestedPveException e) {
                last = e;
            }
        }
        return new Result(node.name(), null, false, last.getMessage());
    }

    private Result checkOnce(NestedNode node, boolean clustered, Secret rootPassword) throws InterruptedException {
        try (SshSession session = NodeLogin.open(ssh, node, SshAuth.password(rootPassword.reveal()))) {
            ExecResult version = session.run("pveversion", timeout);
            String line = version.stdout().lines().findFirst().orElse("");
            if (!version.ok()) {
                return new Result(
                        node.name(), line, false, "pveversion exited " + version.exitCode() + ": " + version.tail(2));
            }
            if (!clustered) {
                return new Result(node.name(), line, true, null);
            }
            ExecResult status = session.run("pvecm status", timeout);
            Optional<String> quorate = status.stdout()
                    .lines()
                    .filter(l -> l.startsWith("Quorate:"))
                    .map(l -> l.substring("Quorate:".length()).strip())
                    .findFirst();
            if (!status.ok() || quorate.isEmpty()) {
                return new Result(
                        node.name(), line, false, "pvecm status exited " + status.exitCode() + ": " + status.tail(2));
            }
            boolean yes = quorate.get().equals("Yes");
            return new Result(node.name(), line, yes, yes ? null : "pvecm status reports Quorate: " + quorate.get());
        }
    }
}
