package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.tls.Certificates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The clusterjoin worker on the joining node (pve-cluster:src/PVE/Cluster/Setup.pm join,
 * finish_join): checks, login to the peer pinning its fingerprint, addnode on the peer under its
 * config-change lock (held until this node has quorum, as corosync reconfigures meanwhile), then
 * the cluster's /etc/pve replaces this node's (tokens gone, new auth key), a new node certificate
 * signed by the cluster CA, and a pveproxy restart.
 */
final class ClusterJoin {
    private final PveMachine node;
    private final ClusterService.JoinRequest req;
    private final SimTask t;

    ClusterJoin(PveMachine node, ClusterService.JoinRequest req, SimTask t) {
        this.node = node;
        this.req = req;
        this.t = t;
    }

    CompletableFuture<Void> run() {
        Duration wait = node.env().latency().of(Step.LOCK_WAIT_DEFAULT);
        return node.locks().acquire("/var/lock/pvecm.lock", false, wait).thenCompose(local -> {
            CompletableFuture<Void> f;
            try {
                f = joinLocked();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            return f.whenComplete((r, e) -> local.close());
        });
    }

    private CompletableFuture<Void> joinLocked() {
        String localIp = req.link0() != null
                ? ClusterService.address(req.link0())
                : node.cluster().localIp();
        assertJoinable(localIp);
        t.log("Establishing API connection with host '" + req.hostname() + "'");
        PveMachine peer = connect();
        t.log("Login succeeded.");
        t.log("check cluster join API version");
        t.log("Request addition of this node");
        // a quarter of the join until addnode; the cluster's config lock is then held for the rest,
        // while corosync reconfigures and this node waits for quorum
        Duration step = node.env().latency().of(Step.CLUSTER_JOIN).dividedBy(4);
        return node.env()
                .afterReal(step)
                .thenCompose(v -> quorate(peer))
                .thenCompose(v -> peer.cluster()
                        .configChangeLock()
                        .handle((held, err) -> {
                            if (err != null) {
                                throw aborted(TaskRegistry.message(err));
                            }
                            return held;
                        })
                        .thenCompose(
                                held -> addAndFinish(peer, localIp, step, held).whenComplete((r, e) -> held.close())));
    }

    /** addnode refuses to work on a cluster without quorum, before it takes any lock. */
    private CompletableFuture<Void> quorate(PveMachine peer) {
        try {
            peer.cluster().checkAddnodeQuorum();
        } catch (ApiException e) {
            return CompletableFuture.failedFuture(aborted(e.getMessage().strip()));
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> addAndFinish(PveMachine peer, String localIp, Duration step, FileLocks.Held held) {
        try {
            peer.cluster().addNode(node.nodeName(), localIp, req.nodeid(), req.votes(), req.force());
        } catch (ApiException e) {
            throw aborted(e.getMessage().strip());
        }
        t.log("Join request OK, finishing setup locally");
        t.log("stopping pve-cluster service");
        node.cluster().setCorosyncRunning(false);
        t.log("backup old database to '/var/lib/pve-cluster/backup/config-"
                + node.env().clock().instant().getEpochSecond() + ".sql.gz'");
        node.image().setPmxcfs(peer.pmxcfs());
        if (node.env().faults().joinStalls()) {
            return halfFinished(held);
        }
        return node.env().afterReal(step.multipliedBy(3)).thenRun(() -> {
            node.cluster().setCorosyncRunning(true);
            t.log("waiting for quorum...OK");
            t.log("(re)generate node files");
            t.log("generate new node certificate");
            node.ensureCertificate(true);
            t.log("merge authorized SSH keys");
            t.log("generated new node certificate, restart pveproxy and pvedaemon services");
            node.reloadProxy();
            node.dropApi(Step.API_DROP);
            t.log("successfully added node '" + node.nodeName() + "' to cluster.");
        });
    }

    /**
     * A join that stops half-way (pve-facts §14.2): the cluster already lists this node, whose
     * corosync never reaches quorum; {@code waiting for quorum...} never ends and neither does the
     * task. The cluster's addnode call has returned, so its config-change lock is free.
     */
    private CompletableFuture<Void> halfFinished(FileLocks.Held held) {
        t.log("waiting for quorum...");
        held.close();
        return new CompletableFuture<>();
    }

    /** Setup.pm assert_joinable: every failure as a {@code * } line, then one die. */
    private void assertJoinable(String localIp) {
        List<String> errors = new ArrayList<>();
        if (node.fs().exists("/etc/corosync/authkey")) {
            errors.add("authentication key '/etc/corosync/authkey' already exists");
        }
        if (node.pmxcfs().corosync().isPresent()) {
            errors.add("cluster config '" + ClusterService.CONF + "' already exists");
        }
        if (!node.localVms().isEmpty()) {
            errors.add("this host already contains virtual guests");
        }
        if (node.cluster().corosyncRunning()) {
            errors.add("corosync is already running, is this node already in a cluster?!");
        }
        if (!localIp.equals(node.ip())) {
            errors.add("local node address: cannot use IP '" + localIp + "', not found on local node!");
        }
        if (!errors.isEmpty()) {
            t.log("detected the following error(s):");
            errors.forEach(e -> t.log("* " + e));
            if (!req.force()) {
                throw ApiException.die("Check if node may join a cluster failed!");
            }
        }
    }

    /** Login to the peer as root@pam over TLS pinned to the given fingerprint. */
    private PveMachine connect() {
        String host = req.hostname();
        String ip = host.matches("[0-9.]+")
                ? host
                : MachineFiles.resolve(node.fs(), host).stream()
                        .findFirst()
                        .orElseThrow(() ->
                                ApiException.die("500 Can't connect to " + host + ":8006 (Name or service not known)"));
        PveMachine peer = node.env()
                .lan()
                .machine(ip)
                .filter(PveMachine::isUp)
                .orElseThrow(() -> ApiException.die("500 Can't connect to " + host + ":8006 (Connection refused)"));
        String served = peer.servedCertificate().fingerprint();
        if (req.fingerprint() == null
                || !Certificates.normalizeFingerprint(req.fingerprint()).equals(served)) {
            throw ApiException.die("500 Can't connect to " + host + ":8006 (certificate verify failed)");
        }
        if (!peer.verifyPassword("root@pam", req.password())) {
            throw ApiException.die("401 authentication failure");
        }
        return peer;
    }

    private ApiException aborted(String msg) {
        t.log("An error occurred on the cluster node: " + msg);
        return ApiException.die("Cluster join aborted!");
    }
}
