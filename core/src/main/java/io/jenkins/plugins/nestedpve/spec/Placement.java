package io.jenkins.plugins.nestedpve.spec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which nodes of the physical PVE cluster the guests go to: all on the host's configured node (the
 * default, {@code host}), {@code spread} (one guest per node, round-robin over the nodes with the most
 * free memory first), {@code pack} (fill the node with the most free memory first) or a list of node
 * names (round-robin over them, in their order). The guests' nodes are decided before anything is
 * cloned (see {@code placement.PlacementPlanner}).
 *
 * @param mode how the nodes are chosen
 * @param nodes the node names of {@link Mode#NODES}, in order; empty for the other modes
 */
public record Placement(Mode mode, List<String> nodes) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How the guests' nodes are chosen. */
    public enum Mode {
        /** Every guest on the host's configured node ({@code host.node}). */
        HOST,
        /** One guest per node, round-robin by most free memory. */
        SPREAD,
        /** Fill the node with the most free memory first. */
        PACK,
        /** The listed nodes, round-robin. */
        NODES
    }

    public Placement {
        Objects.requireNonNull(mode, "mode");
        nodes = List.copyOf(nodes);
    }

    /** Every guest on the host's configured node (the default). */
    public static Placement host() {
        return new Placement(Mode.HOST, List.of());
    }

    public static Placement spread() {
        return new Placement(Mode.SPREAD, List.of());
    }

    public static Placement pack() {
        return new Placement(Mode.PACK, List.of());
    }

    /** Round-robin over {@code nodes}, in their order. */
    public static Placement onNodes(List<String> nodes) {
        return new Placement(Mode.NODES, nodes);
    }

    /**
     * Reads the text form: empty or {@code host}, {@code spread}, {@code pack}, or node names
     * separated by commas or blanks. Whether node names are valid is {@link SpecRules#placement}'s
     * question.
     */
    public static Placement parse(String text) {
        String t = text == null ? "" : text.strip();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "", "host" -> {
                return host();
            }
            case "spread" -> {
                return spread();
            }
            case "pack" -> {
                return pack();
            }
            default -> {
                List<String> names = new ArrayList<>();
                for (String n : t.split("[,\\s]+")) {
                    if (!n.isEmpty()) {
                        names.add(n);
                    }
                }
                return onNodes(names);
            }
        }
    }

    /** Whether the guests may go to other nodes than the host's configured one. */
    public boolean acrossNodes() {
        return mode != Mode.HOST;
    }

    /** The text form {@link #parse} reads back. */
    @Override
    public String toString() {
        return mode == Mode.NODES ? String.join(",", nodes) : mode.name().toLowerCase(Locale.ROOT);
    }
}
