package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.http.LogEntry;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * One cluster size of the bench: a fresh simulator, one provisioning through the real engine, its
 * teardown, the leftovers. Ready and teardown times are read on the simulator's simulated clock.
 */
final class BenchSizeRun {
    private final CliContext ctx;
    private final double scale;
    private final PrintStream progress;

    BenchSizeRun(CliContext ctx, double scale, PrintStream progress) {
        this.ctx = ctx;
        this.scale = scale;
        this.progress = progress;
    }

    BenchResults.Size run(int nodes) {
        Instant wallStart = ctx.clock().instant();
        try (Simulator sim = BenchSetup.simulator(scale)) {
            UUID installation = UUID.randomUUID();
            ClusterSpec spec = DemoSetup.spec(sim, nodes, scale, installation, SpecFiles.defaultOwner(ctx));
            HostCredentials host = DemoSetup.hostCredentials(sim);
            NestedPveEngine engine = new NestedPveEngine(BenchSetup.engineContext(sim, installation, ctx.clock()));
            Clock simulated = sim.simulatedClock();
            SimulatedTime time = new SimulatedTime(simulated);
            ProgressListener listener =
                    ProgressListener.composite(time, new BenchProgress(progress, nodes + " node(s)"));
            long requestsBefore = sim.requestLog().total();
            long sshBefore = sim.env().execs().total();
            long sshPollsBefore = sim.env().execs().repeats();
            Instant t0 = simulated.instant();
            NestedCluster cluster;
            try {
                cluster = engine.start(spec, host, listener).await();
            } catch (RuntimeException e) {
                return failed(nodes, sim, wallStart, e, time.timeline());
            }
            Instant ready = simulated.instant();
            progress.printf(
                    Locale.ROOT, "  %d node(s): ready after %s simulated%n", nodes, human(Duration.between(t0, ready)));
            TeardownReport report = engine.teardown(cluster, host, listener);
            Instant down = simulated.instant();
            int leftovers = BenchLeftovers.settle(sim).size();
            progress.print(time.timeline().render());
            BenchResults.Requests requests = new BenchResults.Requests(
                    sim.requestLog().total() - requestsBefore,
                    polls(
                            sim.requestLog().entries(),
                            requestsBefore,
                            sim.requestLog().total()),
                    sim.env().execs().total() - sshBefore,
                    sim.env().execs().repeats() - sshPollsBefore);
            CriticalPath bound = new CriticalPath(sim.latency());
            return new BenchResults.Size(
                    nodes,
                    Duration.between(t0, ready),
                    bound.ready(nodes),
                    Duration.between(ready, down),
                    bound.teardown(nodes),
                    requests,
                    leftovers,
                    Duration.between(wallStart, ctx.clock().instant()),
                    report.errors().isEmpty() ? null : "teardown: " + report.summary(),
                    relative(time.timeline(), t0));
        }
    }

    private BenchResults.Size failed(int nodes, Simulator sim, Instant wallStart, RuntimeException e, Timeline t) {
        progress.println("  " + nodes + " node(s): provisioning FAILED: " + e.getMessage());
        CriticalPath bound = new CriticalPath(sim.latency());
        return new BenchResults.Size(
                nodes,
                Duration.ZERO,
                bound.ready(nodes),
                Duration.ZERO,
                bound.teardown(nodes),
                new BenchResults.Requests(0, 0, 0, 0),
                BenchLeftovers.settle(sim).size(),
                Duration.between(wallStart, ctx.clock().instant()),
                String.valueOf(e.getMessage()),
                t.phases());
    }

    /** Reads ({@code GET}) that repeat an earlier read of the same server, path and parameters. */
    static long polls(List<LogEntry> entries, long before, long total) {
        int skip = (int) Math.max(0, entries.size() - (total - before));
        Set<String> seen = new HashSet<>();
        long polls = 0;
        for (LogEntry e : entries.subList(skip, entries.size())) {
            if (!"GET".equals(e.method())) {
                continue;
            }
            if (!seen.add(e.server() + " " + e.path() + " " + e.params())) {
                polls++;
            }
        }
        return polls;
    }

    /** The phases with their start moved to time since {@code t0}. */
    private static List<Timeline.PhaseRecord> relative(Timeline t, Instant t0) {
        return t.phases().stream()
                .map(p -> new Timeline.PhaseRecord(
                        p.phase(),
                        p.node(),
                        Instant.EPOCH.plus(Duration.between(t0, p.started())),
                        p.duration(),
                        p.outcome()))
                .toList();
    }

    static String human(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
