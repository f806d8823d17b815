package io.jenkins.plugins.nestedpve.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.preflight.CapacityCheck;
import io.jenkins.plugins.nestedpve.pve.NodeStatus;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads a node's {@link HostRoom} from the host: {@code GET /nodes/{node}/status} (memory, CPUs), {@code GET
 * /cluster/resources?type=vm} (every guest's {@code maxmem}, {@code mem}, {@code status}, tags) and, for the
 * guests tagged {@value OwnershipMarker#TAG}, their live {@code status/current} (the list lags) and their
 * config's marker (installation, lease, cluster). Read-only.
 */
public final class RoomReader implements RoomSource {
    private static final long MIB = 1024L * 1024L;

    private final PveClient host;

    public RoomReader(PveClient host) {
        this.host = host;
    }

    /**
     * @param node the node the guests go to
     * @param reserveMiB the administrator's reserve on the host
     * @param admitted the admitted tickets of the line: each holds its need minus what its guests take already
     */
    @Override
    public HostRoom read(String node, long reserveMiB, Collection<RoomTicket> admitted) {
        NodeStatus status = host.nodeStatus(node);
        long total = status.memory().total() / MIB;
        long available = status.memory().available() / MIB;
        long margin = Math.max(CapacityCheck.MIN_MARGIN_MIB, total * CapacityCheck.MARGIN_PERCENT / 100);
        List<RoomGuest> guests = guests(node);
        long mayTake = guests.stream().mapToLong(RoomGuest::mayStillTakeMiB).sum();
        long max = guests.stream().mapToLong(RoomGuest::maxmemMiB).sum();
        long held = 0;
        for (RoomTicket t : admitted) {
            long existing = guests.stream()
                    .filter(g -> t.lease().equals(g.lease()))
                    .mapToLong(RoomGuest::maxmemMiB)
                    .sum();
            held += Math.max(0, t.needMiB() - existing);
        }
        return new HostRoom(
                node,
                total,
                available,
                margin,
                reserveMiB,
                mayTake,
                held,
                max,
                status.cpuinfo().cpus(),
                guests);
    }

    /** The nested-pve guests (tagged, not templates) on {@code node}, with what their markers say. */
    public List<RoomGuest> guests(String node) {
        List<RoomGuest> out = new ArrayList<>();
        for (JsonNode e : host.resources("vm")) {
            String tags = e.path("tags").asText("");
            if (!node.equals(e.path("node").asText())
                    || e.path("template").asInt(0) == 1
                    || !OwnershipMarker.hasTag(tags)) {
                continue;
            }
            int vmid = e.path("vmid").asInt();
            String type = e.path("type").asText("qemu");
            Optional<String> live = liveStatus(node, vmid, type);
            if (live.isEmpty()) {
                continue; // destroyed since the list was read
            }
            // the list's status and mem lag (a guest stopped for a reboot may still show running there): a guest
            // counts as running only when both its live status and the list say so, otherwise it may take all
            boolean running = "running".equals(live.get())
                    && "running".equals(e.path("status").asText());
            Optional<OwnershipMarker> marker = marker(node, vmid, type);
            out.add(new RoomGuest(
                    vmid,
                    node,
                    e.path("name").asText(null),
                    running ? "running" : live.get(),
                    e.path("maxmem").asLong(0) / MIB,
                    running ? e.path("mem").asLong(0) / MIB : 0,
                    marker.map(OwnershipMarker::installation).orElse(null),
                    marker.map(OwnershipMarker::lease).orElse(null),
                    marker.map(OwnershipMarker::cluster).orElse(null)));
        }
        return List.copyOf(out);
    }

    private Optional<String> liveStatus(String node, int vmid, String type) {
        if (!"qemu".equals(type)) {
            return Optional.of("unknown");
        }
        try {
            return Optional.of(host.vmStatus(node, vmid).status());
        } catch (PveNotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<OwnershipMarker> marker(String node, int vmid, String type) {
        if (!"qemu".equals(type)) {
            return Optional.empty();
        }
        try {
            return host.vmConfig(node, vmid).description().flatMap(OwnershipMarker::parse);
        } catch (PveNotFoundException e) {
            return Optional.empty(); // destroyed since the list was read
        }
    }
}
