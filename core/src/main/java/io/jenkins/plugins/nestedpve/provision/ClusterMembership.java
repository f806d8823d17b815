package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.lifecycle.Pem;
import io.jenkins.plugins.nestedpve.pve.ClusterStatus;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.FingerprintMismatchException;
import io.jenkins.plugins.nestedpve.pve.JoinInfo;
import io.jenkins.plugins.nestedpve.pve.PveAmbiguousOutcomeException;
import io.jenkins.plugins.nestedpve.pve.PveApiException;
import io.jenkins.plugins.nestedpve.pve.PveTransportException;
import io.jenkins.plugins.nestedpve.pve.TaskFailedException;
import io.jenkins.plugins.nestedpve.pve.TaskStatus;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.WaitTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The calls that form the PVE cluster through the guests' APIs as root@pam (pve-facts §5): create on
 * node 1; join one node with node 1's fingerprint from its join info and the cluster's root password,
 * wait for its task and for {@code quorate: 1} with every joined node online, and re-pin the joined
 * node's new certificate (a join regenerates it). {@link ClusterPhase} decides the order.
 */
final class ClusterMembership {
    /** How often a cluster create shown not to have happened is sent again. */
    static final int CREATE_RESENDS = 2;

    /** How often a join shown not to have started is sent again. */
    static final int JOIN_RESENDS = 2;

    private final RunContext run;
    private final ClusterSpec spec;
    private final GuestAccess access;
    private final IdentifiedGuest first;
    private Fingerprint peer;

    /** @param first node 1, where the cluster is created and whose status tells quorum */
    ClusterMembership(RunContext run, ClusterSpec spec, GuestAccess access, IdentifiedGuest first) {
        this.run = run;
        this.spec = spec;
        this.access = access;
        this.first = first;
    }

    /**
     * Creates the cluster on node 1 and waits until it is quorate. After a lost answer or a failed
     * {@code clustercreate} task, node 1's cluster status decides whether it is sent again ({@link
     * io.jenkins.plugins.nestedpve.pve.ReconciledWrites#createCluster}).
     */
    void create() throws InterruptedException {
        run.writes(first.api(), CREATE_RESENDS, Phase.CLUSTER_CREATE, first.name(), "")
                .createCluster(
                        first.name(),
                        spec.clusterName(),
                        run.deadline(spec.timeouts().join()),
                        upid -> {});
        awaitQuorum(List.of(first.name()), run.deadline(spec.timeouts().quorum()));
        run.info("cluster " + spec.clusterName() + " created on " + first.name());
    }

    /** Joins {@code node} to the cluster of {@code members}; returns it with its new certificate pinned. */
    IdentifiedGuest join(IdentifiedGuest node, List<IdentifiedGuest> members) throws InterruptedException {
        Deadline deadline = run.deadline(spec.timeouts().join());
        Fingerprint peer = peerFingerprint();
        Optional<Upid> upid = sendJoin(node, peer);
        AtomicReference<IdentifiedGuest> current = new AtomicReference<>(node);
        if (upid.isPresent()) {
            awaitJoinTask(current, upid.get(), deadline);
        }
        IdentifiedGuest joined = repin(current.get(), deadline);
        List<String> expected = new ArrayList<>(names(members));
        expected.add(joined.name());
        awaitQuorum(expected, deadline);
        run.info(joined.name() + " joined " + spec.clusterName() + " (" + expected.size() + " nodes online)");
        return joined;
    }

    /**
     * Sends the join. After an unknown outcome (a 503, a dropped connection) the joining node's running
     * {@code clusterjoin} task decides: when there is one, the join took effect and that task is followed;
     * otherwise it is sent again, at most {@value #JOIN_RESENDS} times. Each decision is reported.
     *
     * @return the join task to follow; empty when the node already serves a new certificate (a join
     *     regenerates it), so the join is under way and the quorum wait tells its end
     */
    private Optional<Upid> sendJoin(IdentifiedGuest node, Fingerprint peer) {
        for (int resend = 0; ; resend++) {
            try {
                return Optional.of(node.api()
                        .clusterJoin(first.address(), peer, run.rootPassword().reveal(), null));
            } catch (PveAmbiguousOutcomeException e) {
                List<Upid> running;
                try {
                    running = node.api().activeTasks(node.name(), "clusterjoin", null);
                } catch (FingerprintMismatchException changed) {
                    reportJoin(node, true, e);
                    return Optional.empty();
                }
                boolean tookEffect = !running.isEmpty();
                if (!tookEffect && resend >= JOIN_RESENDS) {
                    throw e;
                }
                reportJoin(node, tookEffect, e);
                if (tookEffect) {
                    return Optional.of(running.get(0));
                }
            }
        }
    }

    private void reportJoin(IdentifiedGuest node, boolean tookEffect, RuntimeException why) {
        run.listener()
                .healed(new Healing(
                        Healing.Action.RECONCILED,
                        Phase.JOIN,
                        node.name(),
                        "the join of " + node.name()
                                + (tookEffect ? " had taken effect" : " had not taken effect: sent again")
                                + " (after: " + Healing.firstLine(why.getMessage()) + ")"));
    }

    static List<String> names(List<IdentifiedGuest> guests) {
        return guests.stream().map(IdentifiedGuest::name).toList();
    }

    /**
     * Node 1's fingerprint from its join info; it must be the one pinned for node 1. Read once: creating
     * the cluster does not regenerate node 1's certificate (pve-facts §5.2) and joins do not touch it.
     */
    private Fingerprint peerFingerprint() {
        if (peer == null) {
            peer = readPeerFingerprint();
        }
        return peer;
    }

    private Fingerprint readPeerFingerprint() {
        JoinInfo info = first.api().clusterJoinInfo();
        Fingerprint pinned = first.apiFingerprint();
        Fingerprint fp = info.preferred().map(JoinInfo.Node::fingerprint).orElse(pinned);
        if (!fp.matches(pinned)) {
            throw new NestedPveException("the join info of " + first.name() + " names fingerprint " + fp
                    + " but its API serves " + pinned + " — something else answers on "
                    + first.address() + "; check the network");
        }
        return fp;
    }

    /**
     * Polls the join task on the joining node. The join restarts that node's API, invalidates its
     * tickets and regenerates its certificate, so a changed certificate is re-pinned (read over SSH)
     * and connection failures are waited out.
     */
    private void awaitJoinTask(AtomicReference<IdentifiedGuest> node, Upid upid, Deadline deadline)
            throws InterruptedException {
        String name = node.get().name();
        TaskStatus end = run.waiter()
                .until(
                        "the join task of " + name + " (" + upid + ") should end",
                        deadline,
                        run.ctx().poll(),
                        () -> {
                            try {
                                TaskStatus s = node.get().api().taskStatus(upid);
                                return s.stopped() ? Optional.of(s) : Optional.empty();
                            } catch (FingerprintMismatchException e) {
                                node.set(repinClient(node.get()));
                                return Optional.empty();
                            } catch (PveTransportException e) {
                                return Optional.empty();
                            }
                        });
        if (!end.succeeded()) {
            String exit = end.exitStatus() == null ? "unexpected status" : end.exitStatus();
            throw new TaskFailedException(upid, exit, logTail(node.get(), upid));
        }
    }

    private List<String> logTail(IdentifiedGuest node, Upid upid) {
        try {
            return node.api().tasks().logTail(upid, 10);
        } catch (RuntimeException e) {
            return List.of("(task log not available: " + e.getMessage() + ")");
        }
    }

    /** After the join: pin the node's new certificate and wait until its API answers with it. */
    private IdentifiedGuest repin(IdentifiedGuest node, Deadline deadline) throws InterruptedException {
        IdentifiedGuest repinned = repinClient(node);
        access.awaitApi(repinned.api(), repinned.name(), repinned.address(), deadline);
        return repinned;
    }

    /** The node pinned to the certificate it serves now (a new client only when it changed). */
    private IdentifiedGuest repinClient(IdentifiedGuest node) throws InterruptedException {
        Fingerprint now = servedFingerprint(node)
                .orElseThrow(() -> new NestedPveException("could not read the new certificate of " + node.name()
                        + " over SSH after its join — check /etc/pve/local/pve-ssl.pem there"));
        if (now.matches(node.apiFingerprint())) {
            return node;
        }
        run.info(node.name() + " has a new API certificate " + now + " (a join regenerates it); re-pinned");
        IdentifiedGuest repinned = node.repinned(now, access.api(node.address(), node.name(), now));
        node.api().close();
        return repinned;
    }

    /**
     * The certificate the node serves, read over its pinned SSH session in one command: {@code
     * pveproxy-ssl.pem} when present (custom certificate), else {@code pve-ssl.pem} (pve-facts §1.6).
     */
    private Optional<Fingerprint> servedFingerprint(IdentifiedGuest node) throws InterruptedException {
        ExecResult r = access.shell(node.ssh())
                .runIdempotent(
                        "cat /etc/pve/local/pveproxy-ssl.pem 2>/dev/null || cat /etc/pve/local/pve-ssl.pem",
                        spec.timeouts().command());
        return r.ok() ? Pem.firstCertificateFingerprint(r.stdout()) : Optional.empty();
    }

    /** Waits until node 1 reports quorum with every node of {@code names} online. */
    void awaitQuorum(List<String> names, Deadline deadline) throws InterruptedException {
        AtomicReference<ClusterStatus> last = new AtomicReference<>();
        try {
            run.waiter()
                    .until(
                            "cluster " + spec.clusterName() + " should be quorate with " + names + " online",
                            deadline,
                            run.ctx().poll(),
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
                    ? "no answer from " + first.name()
                    : "quorate=" + s.quorate() + ", online " + s.onlineNodes() + ", offline "
                            + names.stream()
                                    .filter(n -> !s.onlineNodes().contains(n))
                                    .toList();
            throw new WaitTimeoutException(
                    e.getMessage() + "; last seen from " + first.name() + ": " + seen
                            + " — check corosync on the offline nodes (journalctl -u corosync)",
                    e);
        }
    }

    ClusterStatus status() {
        try {
            return first.api().clusterStatus();
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
