package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cluster of the enclosing {@code nestedPveCluster} block, as the steps inside it find it with
 * {@code getContext().get(NestedPveClusterContext.class)}: names, addresses, pins, the lease and the host. Plain
 * serializable data in program.dat, so it holds <b>no secret</b>: the root password is looked up by lease id in
 * {@link ClusterSecrets}.
 */
public final class NestedPveClusterContext implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String clusterName;
    private final String leaseId;
    private final String hostId;
    private final NestingMode nesting;
    private final String pveVersion;
    private final ArrayList<NestedNode> nodes;

    NestedPveClusterContext(NestedCluster cluster, String hostId) {
        this.clusterName = cluster.name();
        this.leaseId = cluster.lease();
        this.hostId = Objects.requireNonNull(hostId, "hostId");
        this.nesting = cluster.nesting();
        this.pveVersion = cluster.pveVersion();
        this.nodes = new ArrayList<>(cluster.nodes());
    }

    public String getClusterName() {
        return clusterName;
    }

    /** The lease in this Jenkins' lease store (also the id in the guests' ownership markers). */
    public String getLeaseId() {
        return leaseId;
    }

    /** The id of the configured PVE host the guests run on. */
    public String getHostId() {
        return hostId;
    }

    /** {@code hardware}, {@code emulated} or {@code unknown}. */
    public String getNesting() {
        return nesting.label();
    }

    public String getPveVersion() {
        return pveVersion;
    }

    /** The guests in node order: names, addresses and pins (the core's records, which hold no secret). */
    public List<NestedNode> getNodes() {
        return List.copyOf(nodes);
    }

    /**
     * The cluster as the core knows it, for work the core does on a running cluster (an upgrade trial): the same
     * names, addresses and pins; no phase timings.
     *
     * @param host the physical host the guests run on
     * @param now stands in for the time provisioning finished, which the context does not keep
     */
    NestedCluster toCluster(HostRef host, Instant now) {
        return new NestedCluster(clusterName, List.copyOf(nodes), nesting, pveVersion, leaseId, host, null, now, null);
    }

    @Override
    public String toString() {
        return "NestedPveClusterContext[" + clusterName + " on host '" + hostId + "', lease " + leaseId + ", nodes "
                + nodes + "]";
    }
}
