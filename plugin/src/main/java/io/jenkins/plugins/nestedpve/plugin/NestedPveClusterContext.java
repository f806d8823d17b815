package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

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
    private final String nesting;
    private final String pveVersion;
    private final ArrayList<Node> nodes;

    /** One guest of the cluster. */
    public static final class Node implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final int vmid;
        private final String address;
        private final int sshPort;
        private final int apiPort;
        private final String apiFingerprint;
        private final String sshHostKeyFingerprint;

        Node(NestedNode n) {
            this.name = n.name();
            this.vmid = n.vmid();
            this.address = n.address();
            this.sshPort = n.sshPort();
            this.apiPort = n.apiPort();
            this.apiFingerprint = n.apiFingerprint();
            this.sshHostKeyFingerprint = n.sshHostKeyFingerprint();
        }

        public String getName() {
            return name;
        }

        public int getVmid() {
            return vmid;
        }

        public String getAddress() {
            return address;
        }

        public int getSshPort() {
            return sshPort;
        }

        public int getApiPort() {
            return apiPort;
        }

        /** SHA-256 of the guest's API certificate, {@code AA:BB:...}. */
        public String getApiFingerprint() {
            return apiFingerprint;
        }

        /** The guest's SSH host key, {@code SHA256:...}; SSH to the guest is pinned to it. */
        public String getSshHostKeyFingerprint() {
            return sshHostKeyFingerprint;
        }

        @Override
        public String toString() {
            return name + " (VMID " + vmid + ", " + address + ")";
        }

        NestedNode toNode() {
            return new NestedNode(name, vmid, address, apiFingerprint, sshHostKeyFingerprint, apiPort, sshPort);
        }
    }

    NestedPveClusterContext(NestedCluster cluster, String hostId) {
        this.clusterName = cluster.name();
        this.leaseId = cluster.lease();
        this.hostId = Objects.requireNonNull(hostId, "hostId");
        this.nesting = cluster.nesting().label();
        this.pveVersion = cluster.pveVersion();
        this.nodes = cluster.nodes().stream().map(Node::new).collect(Collectors.toCollection(ArrayList::new));
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
        return nesting;
    }

    public String getPveVersion() {
        return pveVersion;
    }

    /** The guests in node order. */
    public List<Node> getNodes() {
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
        NestingMode mode = Arrays.stream(NestingMode.values())
                .filter(m -> m.label().equals(nesting))
                .findFirst()
                .orElse(NestingMode.UNKNOWN);
        return new NestedCluster(
                clusterName,
                nodes.stream().map(Node::toNode).toList(),
                mode,
                pveVersion,
                leaseId,
                host,
                null,
                now,
                null);
    }

    @Override
    public String toString() {
        return "NestedPveClusterContext[" + clusterName + " on host '" + hostId + "', lease " + leaseId + ", nodes "
                + nodes + "]";
    }
}
