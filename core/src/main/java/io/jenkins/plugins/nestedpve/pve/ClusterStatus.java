package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /cluster/status} (pve-facts §5.5). A standalone node returns only its own node entry
 * and no cluster entry.
 *
 * @param cluster the cluster entry, or {@code null} when standalone
 * @param nodes the node entries
 */
public record ClusterStatus(Cluster cluster, List<Node> nodes) {
    /**
     * @param name cluster name
     * @param quorate whether the cluster has quorum
     * @param nodes number of configured nodes
     * @param version config version
     */
    public record Cluster(String name, boolean quorate, int nodes, int version) {}

    /**
     * @param name node name
     * @param nodeid corosync node id (0 when standalone)
     * @param online whether online
     * @param ip the node's address
     * @param local whether this is the node that answered
     */
    public record Node(String name, int nodeid, boolean online, String ip, boolean local) {}

    public ClusterStatus {
        nodes = List.copyOf(nodes);
    }

    static ClusterStatus from(JsonNode data) {
        Cluster cluster = null;
        List<Node> nodes = new ArrayList<>();
        for (JsonNode e : Json.elements(data)) {
            String type = Json.optString(e, "type").orElse("");
            if (type.equals("cluster")) {
                cluster = new Cluster(
                        Json.asString(e, "name"),
                        Json.asBool(e, "quorate", false),
                        Json.asInt(e, "nodes", 0),
                        Json.asInt(e, "version", 0));
            } else if (type.equals("node")) {
                nodes.add(new Node(
                        Json.asString(e, "name"),
                        Json.asInt(e, "nodeid", 0),
                        Json.asBool(e, "online", false),
                        Json.asString(e, "ip"),
                        Json.asBool(e, "local", false)));
            }
        }
        return new ClusterStatus(cluster, nodes);
    }

    public Optional<Cluster> clusterEntry() {
        return Optional.ofNullable(cluster);
    }

    /** Whether the node is part of a cluster. */
    public boolean clustered() {
        return cluster != null;
    }

    /** Whether clustered and quorate. */
    public boolean quorate() {
        return cluster != null && cluster.quorate();
    }

    /** Names of the online nodes. */
    public List<String> onlineNodes() {
        return nodes.stream().filter(Node::online).map(Node::name).toList();
    }
}
