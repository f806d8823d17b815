package io.jenkins.plugins.nestedpve.placement;

import io.jenkins.plugins.nestedpve.spec.Placement;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides each guest's node from the nodes' free memory, before anything is cloned. {@code spread}:
 * one guest per node in turn, the nodes ordered by most free memory; {@code pack}: each guest on the
 * first node, by most free memory, that still has room for it; a node list: those nodes in turn. A
 * node never gets more guests than its free memory holds.
 */
public final class PlacementPlanner {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private PlacementPlanner() {}

    /**
     * The node of each guest, guest 1 first.
     *
     * @param rooms the candidate nodes (online; for a node list, the listed ones in their order)
     * @param guestMemory the memory of one guest in bytes
     * @throws PlacementException when the guests do not fit
     */
    public static List<String> plan(Placement placement, List<NodeRoom> rooms, int guests, long guestMemory) {
        if (rooms.isEmpty()) {
            throw new PlacementException(new SpecProblem(
                    "placement", "no online node to place the guests on — bring a node online or use host"));
        }
        List<NodeRoom> order = new ArrayList<>(rooms);
        if (placement.mode() != Placement.Mode.NODES) {
            order.sort(Comparator.comparingLong(NodeRoom::freeMemory).reversed().thenComparing(NodeRoom::node));
        }
        Map<String, Long> left = new LinkedHashMap<>();
        order.forEach(r -> left.put(r.node(), r.freeMemory()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < guests; i++) {
            String node = placement.mode() == Placement.Mode.PACK
                    ? firstWithRoom(order, left, guestMemory)
                    : order.get(i % order.size()).node();
            if (node == null || left.get(node) < guestMemory) {
                throw new PlacementException(shortfall(placement, order, guests, guestMemory, node));
            }
            left.merge(node, -guestMemory, Long::sum);
            out.add(node);
        }
        return List.copyOf(out);
    }

    private static String firstWithRoom(List<NodeRoom> order, Map<String, Long> left, long guestMemory) {
        return order.stream()
                .map(NodeRoom::node)
                .filter(n -> left.get(n) >= guestMemory)
                .findFirst()
                .orElse(null);
    }

    private static SpecProblem shortfall(
            Placement placement, List<NodeRoom> order, int guests, long guestMemory, String node) {
        String free = order.stream()
                .map(r -> String.format(Locale.ROOT, "%s %.1f GiB", r.node(), r.freeMemory() / GIB))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        String where = node == null ? "no node has room left" : "node " + node + " has no room left";
        return new SpecProblem(
                "placement",
                String.format(
                        Locale.ROOT,
                        "%d guests of %.1f GiB do not fit with placement %s: %s (free: %s)"
                                + " — use fewer or smaller guests, another placement, or free memory on the nodes",
                        guests,
                        guestMemory / GIB,
                        placement,
                        where,
                        free));
    }
}
