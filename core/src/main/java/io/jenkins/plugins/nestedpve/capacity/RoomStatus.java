package io.jenkins.plugins.nestedpve.capacity;

import io.jenkins.plugins.nestedpve.pve.PveClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code nestedpve status} shows of a host node: its room, its line (in order) and the nested-pve clusters
 * of every installation on it, grouped by lease from the guests' markers. Read-only.
 *
 * @param room the node's room
 * @param shared whether the line is kept in the host's pools (false: the token may not read it)
 * @param line the tickets in line order, admitted ones included
 * @param clusters the nested-pve clusters on the node
 */
public record RoomStatus(HostRoom room, boolean shared, List<RoomTicket> line, List<Cluster> clusters) {
    /**
     * One cluster on the host, from its guests' markers.
     *
     * @param installation null when the marker is missing or unreadable
     */
    public record Cluster(String name, String installation, String lease, List<RoomGuest> guests) {
        /** The guests' configured memory together. */
        public long memoryMiB() {
            return guests.stream().mapToLong(RoomGuest::maxmemMiB).sum();
        }
    }

    public RoomStatus {
        line = List.copyOf(line);
        clusters = List.copyOf(clusters);
    }

    /** Reads {@code node}'s status with the administrator's {@code reserveMiB}. */
    public static RoomStatus read(PveClient host, String node, long reserveMiB) {
        boolean shared = PoolTicketBoard.allowed(host);
        List<RoomTicket> line =
                new ArrayList<>(shared ? new PoolTicketBoard(host, null, null, Duration.ZERO).tickets() : List.of());
        line.sort(Comparator.comparingInt(RoomTicket::seq));
        HostRoom room = new RoomReader(host)
                .read(
                        node,
                        reserveMiB,
                        line.stream()
                                .filter(t -> t.state() == RoomTicket.State.ADMITTED)
                                .toList());
        Map<String, List<RoomGuest>> byLease = new LinkedHashMap<>();
        for (RoomGuest g : room.guests()) {
            byLease.computeIfAbsent(g.lease() == null ? "vm " + g.vmid() : g.lease(), k -> new ArrayList<>())
                    .add(g);
        }
        List<Cluster> clusters = new ArrayList<>();
        byLease.forEach((lease, guests) -> {
            RoomGuest first = guests.get(0);
            clusters.add(new Cluster(
                    first.cluster() == null ? "?" : first.cluster(), first.installation(), first.lease(), guests));
        });
        return new RoomStatus(room, shared, line, clusters);
    }
}
