package io.jenkins.plugins.nestedpve.capacity;

import java.util.Collection;

/** Reads a node's room; {@link RoomReader} reads it from the host's API. */
@FunctionalInterface
public interface RoomSource {
    /**
     * @param node the node the guests go to
     * @param reserveMiB the administrator's reserve
     * @param admitted the admitted tickets of the line (each holds what its guests do not take yet)
     */
    HostRoom read(String node, long reserveMiB, Collection<RoomTicket> admitted);
}
