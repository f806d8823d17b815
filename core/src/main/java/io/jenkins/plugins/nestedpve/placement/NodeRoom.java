package io.jenkins.plugins.nestedpve.placement;

import java.util.Objects;

/**
 * One node of the physical cluster as placement sees it.
 *
 * @param node the node's name
 * @param freeMemory memory available for new guests, in bytes ({@code /nodes/{node}/status}
 *     {@code memory.available})
 */
public record NodeRoom(String node, long freeMemory) {
    public NodeRoom {
        Objects.requireNonNull(node, "node");
    }
}
