package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.pve.NodeSummary;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The node check: {@code host.node} is a node of the host ({@code GET /nodes}, any authenticated
 * user, pve-facts §4). A status other than online is a warning: it comes from RRD data and lags.
 */
public final class NodeCheck {
    public static final String CHECK = "node";

    private NodeCheck() {}

    /** The verdict on {@code node} among {@code nodes}. */
    public static PreflightItem item(List<NodeSummary> nodes, String node) {
        Optional<NodeSummary> found =
                nodes.stream().filter(n -> n.node().equals(node)).findFirst();
        if (found.isEmpty()) {
            return PreflightItem.fail(
                    CHECK,
                    "host.node",
                    "the host has no node '" + node + "' (nodes: "
                            + nodes.stream().map(NodeSummary::node).collect(Collectors.joining(", "))
                            + ") — use the node's name as the PVE GUI shows it");
        }
        if (!found.get().online()) {
            return PreflightItem.warn(
                    CHECK,
                    "host.node",
                    "node '" + node + "' is " + found.get().status()
                            + " — start it, or wait: the status lags by a minute");
        }
        return PreflightItem.pass(CHECK, "node '" + node + "' is online");
    }
}
