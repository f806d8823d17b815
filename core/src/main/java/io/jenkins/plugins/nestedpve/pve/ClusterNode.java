package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One corosync node from {@code GET /cluster/config/nodes} (values arrive as strings).
 *
 * @param name node name
 * @param nodeid corosync node id
 * @param quorumVotes votes
 * @param ring0Addr link 0 address, or {@code null}
 */
public record ClusterNode(String name, int nodeid, int quorumVotes, String ring0Addr) {
    static ClusterNode from(JsonNode e) {
        return new ClusterNode(
                Json.optString(e, "name").orElseGet(() -> Json.asString(e, "node")),
                Json.asInt(e, "nodeid", 0),
                Json.asInt(e, "quorum_votes", 1),
                Json.asString(e, "ring0_addr"));
    }
}
