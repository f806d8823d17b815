package io.jenkins.plugins.nestedpve.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.nestedpve.capacity.HostRoom;
import io.jenkins.plugins.nestedpve.capacity.RoomGuest;
import io.jenkins.plugins.nestedpve.capacity.RoomStatus;
import io.jenkins.plugins.nestedpve.capacity.RoomTicket;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nestedpve status -f cluster.yaml}: a host's room, its line and the clusters of every installation. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show the host's room for nested clusters (free memory after the reserve, the safety margin and what"
                    + " the nested-pve guests of every installation may still take), the line of clusters waiting"
                    + " for room, and the nested-pve clusters of every installation on the host (from their"
                    + " ownership markers). Read-only. Works on 'nestedpve sim' too (its --write-spec file)."
        })
final class StatusCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = {"-f", "--file"},
            required = true,
            paramLabel = "SPEC",
            description = "The spec file (host and token).")
    String file;

    @Mixin
    RequestLogOption requestLog = new RequestLogOption();

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    StatusCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LoadedSpec loaded = SpecFiles.loadForHost(ctx, file, "nestedpve status");
        ClusterSpec spec = loaded.spec();
        RoomStatus status;
        try (ClientRequestLog log = requestLog.open(ctx);
                PveClient pve = HostApi.open(spec.host(), loaded.hostCredentials(), ctx.clock(), log)) {
            status = RoomStatus.read(pve, spec.host().node(), spec.hostReserveMiB());
        }
        if (json) {
            Json.print(ctx.out(), json(status));
        } else {
            print(ctx.out(), status);
        }
        return ExitCodes.OK;
    }

    static void print(PrintStream out, RoomStatus s) {
        HostRoom r = s.room();
        out.println(
                "host node " + r.node() + ": " + HostRoom.gib(r.totalMiB()) + " memory, " + r.cpus() + " logical CPUs");
        out.println("room: " + r.describe());
        out.println("line: "
                + (s.shared()
                        ? s.line().size() + " ticket(s), kept in the host's resource pools (" + RoomTicket.PREFIX + "*)"
                        : "not readable: the token may not audit the host's pools (grant PVEPoolAdmin on /pool)"));
        int place = 0;
        for (RoomTicket t : s.line()) {
            out.printf(
                    Locale.ROOT,
                    "  %2d. %-16s %-8s needs %-8s installation %s%n",
                    ++place,
                    t.cluster(),
                    t.state().name().toLowerCase(Locale.ROOT),
                    HostRoom.gib(t.needMiB()),
                    t.installation());
        }
        out.println("clusters on " + r.node() + " (every installation): "
                + s.clusters().size());
        for (RoomStatus.Cluster c : s.clusters()) {
            out.printf(
                    Locale.ROOT,
                    "  %-16s %-8s installation %s, %s%n",
                    c.name(),
                    HostRoom.gib(c.memoryMiB()),
                    c.installation() == null ? "unknown (no readable marker)" : c.installation(),
                    c.guests().stream().map(g -> g.vmid() + " " + g.status()).collect(Collectors.joining(", ")));
        }
    }

    private static ObjectNode json(RoomStatus s) {
        HostRoom r = s.room();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("node", r.node());
        ObjectNode room = o.putObject("room");
        room.put("totalMiB", r.totalMiB());
        room.put("availableMiB", r.availableMiB());
        room.put("marginMiB", r.marginMiB());
        room.put("reserveMiB", r.reserveMiB());
        room.put("guestsMayTakeMiB", r.guestsMayTakeMiB());
        room.put("heldMiB", r.heldMiB());
        room.put("freeMiB", r.freeMiB());
        room.put("cpus", r.cpus());
        o.put("lineShared", s.shared());
        ArrayNode line = o.putArray("line");
        s.line()
                .forEach(t -> line.addObject()
                        .put("cluster", t.cluster())
                        .put("state", t.state().name().toLowerCase(Locale.ROOT))
                        .put("needMiB", t.needMiB())
                        .put("installation", t.installation().toString())
                        .put("lease", t.lease()));
        ArrayNode clusters = o.putArray("clusters");
        for (RoomStatus.Cluster c : s.clusters()) {
            ObjectNode co = clusters.addObject()
                    .put("name", c.name())
                    .put("installation", c.installation())
                    .put("lease", c.lease())
                    .put("memoryMiB", c.memoryMiB());
            ArrayNode guests = co.putArray("guests");
            for (RoomGuest g : c.guests()) {
                guests.addObject()
                        .put("vmid", g.vmid())
                        .put("status", g.status())
                        .put("maxmemMiB", g.maxmemMiB());
            }
        }
        return o;
    }
}
