package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.pve.ClusterStatus;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.FingerprintMismatchException;
import io.jenkins.plugins.nestedpve.pve.JoinInfo;
import io.jenkins.plugins.nestedpve.pve.PveApiException;
import io.jenkins.plugins.nestedpve.pve.PveTransportException;
import io.jenkins.plugins.nestedpve.pve.TaskFailedException;
import io.jenkins.plugins.nestedpve.pve.TaskStatus;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.WaitTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Phase 3: forms the PVE cluster through the guests' APIs as root@pam (pve-facts §5): create on
 * node 1, then join the others ONE AT A TIME with node 1's fingerprint from its join info and the
 * cluster's root password; after each join wait for the task and for {@code quorate: 1} with every
 * joined node online, and re-pin the joined node's new certificate (a join regenerates it).
 */
final class ClusterFormation {
    private final ProvisionRun run;
    private final GuestAccess access;
    private final GuestNode first;

    ClusterFormation(ProvisionRun run) {
        this.run = run;
        this.access = new GuestAccess(run);
        this.first = run.nodes.get(0);
    }

    void form() {
        PhaseRunner p = run.phases;
        if (!run.spec.clustered()) {
            p.skip(Phase.CLUSTER_CREATE, first.name);
            p.skip(Phase.QUORUM, null);
            return;
        }
        p.run(Phase.CLUSTER_CREATE, first.name, this::create);
        List<GuestNode> joined = new ArrayList<>(List.of(first));
        for (GuestNode n : run.nodes.subList(1, run.nodes.size())) {
            p.run(Phase.JOIN, n.name, () -> join(n, joined));
            joined.add(n);
        }
        p.run(
                Phase.QUORUM,
                null,
                () -> awaitQuorum(run.nodes, run.deadline(run.spec.timeouts().quorum())));
    }

    private void create() throws InterruptedException {
        Upid upid = first.api.clusterCreate(run.spec.clusterName(), null, null);
        first.api.tasks().await(upid, run.deadline(run.spec.timeouts().join()));
        awaitQuorum(List.of(first), run.deadline(run.spec.timeouts().quorum()));
        run.info("cluster " + run.spec.clusterName() + " created on " + first.name);
    }

    private void join(GuestNode node, List<GuestNode> members) throws InterruptedException {
        Deadline deadline = run.deadline(run.spec.timeouts().join());
        Fingerprint peer = peerFingerprint();
        Upid upid = node.api.clusterJoin(first.address, peer, run.rootPassword.reveal(), null);
        awaitJoinTask(node, upid, deadline);
        repin(node, deadline);
        List<GuestNode> expected = new ArrayList<>(members);
        expected.add(node);
        awaitQuorum(expected, deadline);
        run.info(node.name + " joined " + run.spec.clusterName() + " (" + expected.size() + " nodes online)");
    }

    /** Node 1's fingerprint from its join info; it must be the one pinned for node 1. */
    private Fingerprint peerFingerprint() {
        JoinInfo info = first.api.clusterJoinInfo();
        Fingerprint fp = info.preferred().map(JoinInfo.Node::fingerprint).orElse(first.apiFingerprint);
        if (!fp.matches(first.apiFingerprint)) {
            throw new NestedPveException("the join info of " + first.name + " names fingerprint " + fp
                    + " but its API serves " + first.apiFingerprint + " — something else answers on "
                    + first.address + "; check the network");
        }
        return fp;
    }

    /**
     * Polls the join task on the joining node. The join restarts that node's API, invalidates its
     * tickets and regenerates its certificate, so a changed certificate is re-pinned (read over SSH)
     * and connection failures are waited out.
     */
    private void awaitJoinTask(GuestNode node, Upid upid, Deadline deadline) throws InterruptedException {
        TaskStatus end = run.waiter()
                .until("the join task of " + node.name + " (" + upid + ") should end", deadline, run.ctx.poll(), () -> {
                    try {
                        TaskStatus s = node.api.taskStatus(upid);
                        return s.stopped() ? Optional.of(s) : Optional.empty();
                    } catch (FingerprintMismatchException e) {
                        repinClient(node);
                        return Optional.empty();
                    } catch (PveTransportException e) {
                        return Optional.empty();
                    }
                });
        if (!end.succeeded()) {
            String exit = end.exitStatus() == null ? "unexpected status" : end.exitStatus();
            throw new TaskFailedException(upid, exit, logTail(node, upid));
        }
    }

    private List<String> logTail(GuestNode node, Upid upid) {
        try {
            return node.api.tasks().logTail(upid, 10);
        } catch (RuntimeException e) {
            return List.of("(task log not available: " + e.getMessage() + ")");
        }
    }

    /** After the join: pin the node's new certificate and wait until its API answers with it. */
    private void repin(GuestNode node, Deadline deadline) throws InterruptedException {
        repinClient(node);
        access.awaitApi(node, deadline);
    }

    private void repinClient(GuestNode node) throws InterruptedException {
        Fingerprint now = access.servedFingerprint(node)
                .orElseThrow(() -> new NestedPveException("could not read the new certificate of " + node.name
                        + " over SSH after its join — check /etc/pve/local/pve-ssl.pem there"));
        if (!now.matches(node.apiFingerprint)) {
            run.info(node.name + " has a new API certificate " + now + " (a join regenerates it); re-pinned");
            node.apiFingerprint = now;
            node.replaceApi(access.api(node, now));
        }
    }

    /** Waits until node 1 reports quorum with every node of {@code expected} online. */
    void awaitQuorum(List<GuestNode> expected, Deadline deadline) throws InterruptedException {
        List<String> names = expected.stream().map(n -> n.name).toList();
        AtomicReference<ClusterStatus> last = new AtomicReference<>();
        try {
            run.waiter()
                    .until(
                            "cluster " + run.spec.clusterName() + " should be quorate with " + names + " online",
                            deadline,
                            run.ctx.poll(),
                            () -> {
                                ClusterStatus s = status();
                                last.set(s);
                                return s != null
                                                && s.quorate()
                                                && s.onlineNodes().containsAll(names)
                                        ? Optional.of(s)
                                        : Optional.empty();
                            });
        } catch (WaitTimeoutException e) {
            ClusterStatus s = last.get();
            String seen = s == null
                    ? "no answer from " + first.name
                    : "quorate=" + s.quorate() + ", online " + s.onlineNodes() + ", offline "
                            + names.stream()
                                    .filter(n -> !s.onlineNodes().contains(n))
                                    .toList();
            throw new WaitTimeoutException(
                    e.getMessage() + "; last seen from " + first.name + ": " + seen
                            + " — check corosync on the offline nodes (journalctl -u corosync)",
                    e);
        }
    }

    private ClusterStatus status() {
        try {
            return first.api.clusterStatus();
        } catch (PveTransportException e) {
            return null;
        } catch (PveApiException e) {
            if (e.httpStatus() >= 500) {
                return null; // pmxcfs restarting: not quorate yet
            }
            throw e;
        }
    }
}
