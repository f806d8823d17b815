package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which guests {@code nestedPveSh(node: ...)} runs on: {@code 'all'} (every node, in order), a node name as in
 * {@code NESTED_PVE_NODES}, or a node's number ({@code '1'} or {@code 'pve1'} is the first node, which created the
 * cluster). No node given: the first node.
 */
final class NodeSelector {
    static final String ALL = "all";

    private NodeSelector() {}

    static List<NestedNode> select(NestedPveClusterContext cluster, String node) throws AbortException {
        List<NestedNode> nodes = cluster.getNodes();
        if (node == null || node.isBlank()) {
            return List.of(nodes.get(0));
        }
        String n = node.strip();
        if (n.equalsIgnoreCase(ALL)) {
            return nodes;
        }
        for (NestedNode candidate : nodes) {
            if (candidate.name().equals(n)) {
                return List.of(candidate);
            }
        }
        if (n.matches("(?i)(pve)?[0-9]{1,3}")) {
            int index = Integer.parseInt(n.replaceFirst("(?i)^pve", ""));
            if (index >= 1 && index <= nodes.size()) {
                return List.of(nodes.get(index - 1));
            }
        }
        throw new AbortException("nestedPveSh: cluster " + cluster.getClusterName() + " has no node '" + n
                + "'; use 'all', a node name ("
                + nodes.stream().map(NestedNode::name).collect(Collectors.joining(", "))
                + ") or a node number from 1 to " + nodes.size() + " ('2' or 'pve2').");
    }
}
