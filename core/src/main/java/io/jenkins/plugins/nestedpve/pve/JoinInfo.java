package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /cluster/config/join} (pve-facts §5.3): what a joining node needs.
 *
 * @param nodes the cluster's nodes
 * @param preferredNode the node that answered (or the one asked for)
 * @param clusterName {@code totem.cluster_name}
 * @param configDigest SHA-1 of corosync.conf
 */
public record JoinInfo(List<Node> nodes, String preferredNode, String clusterName, String configDigest) {
    /**
     * @param name node name
     * @param nodeid corosync node id
     * @param pveAddr the node's resolved IP
     * @param pveFp SHA-256 fingerprint of its served certificate
     * @param ring0Addr link 0 address, or {@code null}
     */
    public record Node(String name, int nodeid, String pveAddr, String pveFp, String ring0Addr) {
        /** The node's fingerprint parsed. */
        public Fingerprint fingerprint() {
            return Fingerprint.parse(pveFp);
        }
    }

    public JoinInfo {
        nodes = List.copyOf(nodes);
    }

    static JoinInfo from(JsonNode data) {
        List<Node> nodes = Json.elements(data.path("nodelist")).stream()
                .map(e -> new Node(
                        Json.asString(e, "name"),
                        Json.asInt(e, "nodeid", 0),
                        Json.asString(e, "pve_addr"),
                        Json.asString(e, "pve_fp"),
                        Json.asString(e, "ring0_addr")))
                .toList();
        return new JoinInfo(
                nodes,
                Json.asString(data, "preferred_node"),
                Json.asString(data.path("totem"), "cluster_name"),
                Json.asString(data, "config_digest"));
    }

    /** The entry of the preferred node. */
    public Optional<Node> preferred() {
        return nodes.stream().filter(n -> n.name().equals(preferredNode)).findFirst();
    }
}
