package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.capacity.HostRoom;
import io.jenkins.plugins.nestedpve.capacity.PoolTicketBoard;
import io.jenkins.plugins.nestedpve.capacity.RoomReader;
import io.jenkins.plugins.nestedpve.capacity.RoomTicket;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.DurationText;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The preflight's memory and cores items, built on {@link CapacityCheck} with the host's room ({@link
 * HostRoom}): a cluster that cannot fit even once every nested-pve cluster is gone fails; one that fits later
 * passes with a warning that it will wait in line (up to {@code capacityTimeout}); and the {@code room} item
 * says whether the line is shared with other installations (the token may keep it in the host's pools).
 * Read-only.
 */
public final class RoomCheck {
    private static final long MIB = 1024L * 1024L;

    private RoomCheck() {}

    /** Adds the memory, cores and room items for {@code spec} on {@code node}. */
    public static Void check(PveClient host, ClusterSpec spec, String node, Consumer<PreflightItem> items) {
        boolean shared = PoolTicketBoard.allowed(host);
        List<RoomTicket> line = shared ? new PoolTicketBoard(host, null, null, Duration.ZERO).tickets() : List.of();
        HostRoom room = new RoomReader(host)
                .read(
                        node,
                        spec.hostReserveMiB(),
                        line.stream()
                                .filter(t -> t.state() == RoomTicket.State.ADMITTED)
                                .toList());
        long need = (long) spec.nodes() * spec.memoryMiB();
        long ceiling = room.ceilingMiB() + room.marginMiB(); // CapacityCheck takes the margin off itself
        HostCapacity cap = new HostCapacity(room.totalMiB() * MIB, Math.max(0, ceiling) * MIB, room.cpus());
        List<SpecProblem> problems = CapacityCheck.problems(cap, node, spec.nodes(), spec.memoryMiB(), spec.cores());
        boolean placed = spec.placementOrDefault().acrossNodes();
        if (placed) {
            // the guests' memory is checked on the nodes the placement chooses (placement.PlacementCheck)
            problems = problems.stream()
                    .filter(p -> !p.field().equals("memoryMiB"))
                    .toList();
            items.accept(PreflightItem.pass(
                    "memory", "placement " + spec.placementOrDefault() + ": checked on each node it chooses"));
        }
        problems.forEach(p -> items.accept(PreflightItem.fail(p.field().equals("cores") ? "cores" : "memory", p)));
        if (!placed && problems.stream().noneMatch(p -> p.field().equals("memoryMiB"))) {
            items.accept(memory(spec, node, room, need, line));
        }
        if (problems.stream().noneMatch(p -> p.field().equals("cores"))) {
            items.accept(PreflightItem.pass(
                    "cores", spec.cores() + " vCPUs per guest, " + room.cpus() + " logical CPUs on " + node));
        }
        items.accept(
                shared
                        ? PreflightItem.pass(
                                "room",
                                "the line for room on " + node + " is kept in the host's resource pools"
                                        + " (" + RoomTicket.PREFIX + "*), shared with every installation: "
                                        + line.size()
                                        + " in line now")
                        : PreflightItem.warn(
                                "room",
                                "host.apiToken",
                                "the token may not create resource pools, so clusters wait in this installation's line"
                                        + " only and other installations on " + node
                                        + " are not coordinated with — grant"
                                        + " PVEPoolAdmin on /pool (pveum acl modify /pool --tokens <token> --roles"
                                        + " PVEPoolAdmin)"));
        return null;
    }

    private static PreflightItem memory(
            ClusterSpec spec, String node, HostRoom room, long need, List<RoomTicket> line) {
        String sizes = spec.nodes() + " × " + spec.memoryMiB() + " MiB = " + HostRoom.gib(need);
        if (room.fits(need) && line.stream().noneMatch(t -> t.state() == RoomTicket.State.WAITING)) {
            return PreflightItem.pass("memory", sizes + " fit now: " + room.describe());
        }
        Duration wait = Optional.ofNullable(spec.capacityTimeout()).orElse(Duration.ZERO);
        String now = sizes + " need room on " + node + ": " + room.describe() + ", "
                + line.stream()
                        .filter(t -> t.state() == RoomTicket.State.WAITING)
                        .count() + " cluster(s) waiting";
        if (wait.isZero()) {
            return PreflightItem.fail(
                    "memory",
                    "capacityTimeout",
                    now + " — capacityTimeout is 0, so the cluster does not wait: set capacityTimeout (e.g. 30m),"
                            + " lower nodes or memoryMiB, or free memory on " + node);
        }
        return PreflightItem.warn(
                "memory",
                "memoryMiB",
                now + "; the cluster waits in line up to capacityTimeout " + DurationText.format(wait) + " (up to "
                        + HostRoom.gib(room.ceilingMiB()) + " once the other nested-pve clusters end)");
    }
}
