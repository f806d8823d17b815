package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cluster create and the two sides of a join (pve-cluster:src/PVE/API2/ClusterConfig.pm,
 * src/PVE/Cluster/Setup.pm; pve-facts §5). Status and join info are in {@link ClusterView}.
 */
public final class ClusterService {
    static final String CONF = "/etc/pve/corosync.conf";

    private final PveMachine node;
    private volatile boolean corosyncRunning;

    ClusterService(PveMachine node) {
        this.node = node;
    }

    /** Whether corosync runs here (between a join's restart and quorum it does not). */
    public boolean corosyncRunning() {
        return corosyncRunning && node.pmxcfs().corosync().isPresent();
    }

    void setCorosyncRunning(boolean running) {
        this.corosyncRunning = running;
    }

    public ClusterView view() {
        return new ClusterView(node);
    }

    /** The IP the node name resolves to through /etc/hosts, as PVE's remote_node_ip needs it. */
    public String localIp() {
        String name = node.nodeName();
        List<String> ips = MachineFiles.resolve(node.fs(), name);
        if (ips.isEmpty()) {
            throw ApiException.die("hostname lookup '" + name + "' failed - failed to get address info for: " + name
                    + ": Name or service not known");
        }
        return ips.stream()
                .filter(ip -> !Lan.isLoopback(ip))
                .findFirst()
                .orElseThrow(() -> ApiException.die("address lookup for '" + name + "' did not find any IP address"));
    }

    /** {@code cluster not ready - no quorum?} for writes on a member without quorum. */
    public void checkQuorum() {
        if (node.pmxcfs().corosync().isPresent() && !view().quorate()) {
            throw ApiException.die("cluster not ready - no quorum?");
        }
    }

    // ---- create ----------------------------------------------------------------------------

    /**
     * {@code POST /cluster/config} (root@pam only): returns the clustercreate UPID. Only an existing
     * cluster config fails synchronously; the node name lookup (Corosync.pm create_conf calls
     * remote_node_ip even when link0 is given) fails inside the task (ClusterConfig.pm create).
     */
    public String create(String clustername, String link0, Integer nodeid, Integer votes, Principal who) {
        Perms.requireRootPam(who);
        if (node.pmxcfs().corosync().isPresent()) {
            throw ApiException.die("cluster config '" + CONF + "' already exists");
        }
        return node.tasks()
                .start(node.nodeName(), "clustercreate", clustername, who.fullId(), t -> {
                    t.log("Corosync Cluster Engine Authentication key generator.");
                    t.log("Gathering 2048 bits for key from /dev/urandom.");
                    t.log("Writing corosync key to /etc/corosync/authkey.");
                    String resolved = localIp();
                    String addr = link0 != null ? address(link0) : resolved;
                    t.log("Writing corosync config to " + CONF);
                    return node.env().after(Step.CLUSTER_CREATE).thenRun(() -> {
                        if (node.pmxcfs().corosync().isPresent()) {
                            throw ApiException.die("cluster config '" + CONF + "' already exists");
                        }
                        Corosync.Member me = new Corosync.Member(
                                node.nodeName(), nodeid == null ? 1 : nodeid, votes == null ? 1 : votes, addr);
                        node.pmxcfs().setCorosync(new Corosync(clustername, me));
                        corosyncRunning = true;
                        EtcPve.mirror(node);
                        t.log("Restart corosync and cluster filesystem");
                    });
                })
                .upid()
                .toString();
    }

    /** {@code address=IP,priority=N} or a bare address. */
    static String address(String link) {
        for (String part : link.split(",")) {
            if (part.startsWith("address=")) {
                return part.substring(8);
            }
            if (!part.contains("=")) {
                return part;
            }
        }
        return link;
    }

    // ---- join (this node joins) ------------------------------------------------------------

    /** {@code POST /cluster/config/join} on the joining node (root@pam only). */
    public String join(JoinRequest req, Principal who) {
        Perms.requireRootPam(who);
        return node.tasks()
                .start(node.nodeName(), "clusterjoin", "", who.fullId(), t -> new ClusterJoin(node, req, t).run())
                .upid()
                .toString();
    }

    /** The parameters of a join. */
    public record JoinRequest(
            String hostname,
            String fingerprint,
            String password,
            String link0,
            Integer nodeid,
            Integer votes,
            boolean force) {
        @Override
        public String toString() {
            return "JoinRequest[" + hostname + ", fp=" + fingerprint + ", password=****]";
        }
    }

    // ---- addnode (the cluster side) --------------------------------------------------------

    /** The lock addnode takes: the cluster-wide corosync.conf lock with >1 member, else a local flock. */
    java.util.concurrent.CompletableFuture<FileLocks.Held> configChangeLock() {
        Corosync c = node.pmxcfs()
                .corosync()
                .orElseThrow(() -> ApiException.die(
                        "Corosync config '" + CONF + "' does not exist - is this node part of a cluster?"));
        java.time.Duration wait = node.env().latency().of(Step.LOCK_WAIT_DEFAULT);
        if (c.members().size() > 1) {
            String text = "cfs-lock 'file-corosync_conf' error: got lock request timeout";
            if (!view().quorate()) {
                // pmxcfs grants cluster locks only with quorum; the request times out
                return node.env()
                        .afterReal(wait)
                        .thenCompose(v -> java.util.concurrent.CompletableFuture.failedFuture(ApiException.die(text)));
            }
            return node.pmxcfs().cfsLocks().acquire("file-corosync_conf", false, wait, text);
        }
        return node.locks().acquire("/var/lock/pvecm.lock", false, wait);
    }

    /**
     * The check addnode makes before it takes the config-change lock (ClusterConfig.pm addnode
     * {@code check_cfs_quorum}): after a node was added, the cluster has no quorum until that node
     * runs corosync, so a second join meanwhile fails with {@code cluster not ready - no quorum?}.
     */
    public void checkAddnodeQuorum() {
        checkQuorum();
    }

    /** {@code POST /cluster/config/nodes/{node}}: adds a node to corosync.conf; returns the join data. */
    public Map<String, Object> addNode(String name, String newNodeIp, Integer nodeid, Integer votes, boolean force) {
        Corosync c = node.pmxcfs()
                .corosync()
                .orElseThrow(() -> ApiException.die(
                        "Corosync config '" + CONF + "' does not exist - is this node part of a cluster?"));
        Optional<Corosync.Member> same = c.member(name);
        if (same.isPresent() && !force) {
            throw ApiException.die("can't add existing node '" + name + "'");
        }
        for (Corosync.Member m : c.members()) {
            if (m.ring0Addr().equals(newNodeIp) && !m.name().equals(name)) {
                throw ApiException.die("corosync: address '" + newNodeIp + "' already used on link ring0_addr by node '"
                        + m.name() + "'");
            }
            if (nodeid != null && m.nodeid() == nodeid && !m.name().equals(name)) {
                throw ApiException.die("Nodeid " + nodeid + " already used by node '" + m.name() + "'");
            }
        }
        if (same.isEmpty()) {
            c.add(new Corosync.Member(
                    name, nodeid != null ? nodeid : c.nextNodeId(), votes != null ? votes : 1, newNodeIp));
        }
        EtcPve.mirror(node);
        return Map.of("corosync_authkey", "(corosync key)", "corosync_conf", c.render(), "warnings", List.of());
    }

    // ---- delnode ---------------------------------------------------------------------------

    /** A node {@link #delNode} removed, and whether corosync could kill it (it was online). */
    public record Removed(Corosync.Member member, boolean killed) {}

    /**
     * {@code DELETE /cluster/config/nodes/{node}} = {@code pvecm delnode} (ClusterConfig.pm delnode;
     * pve-facts §14.1), synchronous, no task: refuses the local node and a member without quorum, takes
     * the config-change lock, finds the node by name or ring0 address, removes it from corosync.conf
     * (config version +1). {@code /etc/pve/nodes/<name>/} stays, as in PVE. The code does not check that
     * the node is off; {@code corosync-cfgtool -k} fails harmlessly for a node that is.
     */
    public Removed delNode(String nameOrAddr) throws InterruptedException {
        if (nameOrAddr.equals(node.nodeName())) {
            throw ApiException.die("Cannot delete myself from cluster!");
        }
        checkQuorum();
        Corosync c = node.pmxcfs().corosync().orElse(null);
        java.time.Duration wait = node.env().latency().of(Step.LOCK_WAIT_DEFAULT);
        FileLocks.Held held =
                await(c == null ? node.locks().acquire("/var/lock/pvecm.lock", false, wait) : configChangeLock());
        try {
            Corosync.Member m = c == null
                    ? null
                    : c.members().stream()
                            .filter(x ->
                                    x.name().equals(nameOrAddr) || x.ring0Addr().equals(nameOrAddr))
                            .findFirst()
                            .orElse(null);
            if (m == null) {
                throw ApiException.die("Node/IP: " + nameOrAddr + " is not a known host of the cluster.");
            }
            boolean online = view().online(m);
            c.remove(m);
            EtcPve.mirror(node);
            return new Removed(m, online);
        } finally {
            held.close();
        }
    }

    private static FileLocks.Held await(java.util.concurrent.CompletableFuture<FileLocks.Held> lock)
            throws InterruptedException {
        try {
            return lock.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw ApiException.die(TaskRegistry.message(e));
        }
    }
}
