package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.Durations;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.TemplateSpec;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeReport;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One demo: embedded simulator up, provision through the real engine, check every node, tear down,
 * inspect the simulator for leftovers, print the timelines. Everything the simulator ran is closed
 * before {@link #run()} returns.
 */
final class DemoRun {
    /**
     * @param requestLog the simulator's request log file, or null
     */
    record Options(
            int nodes,
            FaultOptions.Rates faults,
            Path requestLog,
            double latencyScale,
            UpgradeOptions upgrade,
            Path upgradeReport,
            List<String> upgradeFaults) {
        /** Without an upgrade trial. */
        Options(int nodes, FaultOptions.Rates faults, Path requestLog, double latencyScale) {
            this(nodes, faults, requestLog, latencyScale, null, null, List.of());
        }
    }

    /** How long the simulator may take to power off the last guests after teardown returned. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final CliContext ctx;
    private final Options options;
    private final PrintStream out;

    /**
     * @param out where progress and tables go (stderr when stdout carries JSON)
     */
    DemoRun(CliContext ctx, Options options, PrintStream out) {
        this.ctx = ctx;
        this.options = options;
        this.out = out;
    }

    DemoReport run() {
        Instant started = ctx.clock().instant();
        Simulator.Builder b = Simulator.builder()
                .latencyScale(options.latencyScale())
                .faults(options.faults().plan())
                .template(TemplateSpec.pve84());
        if (options.requestLog() != null) {
            b.requestLog(options.requestLog());
        }
        out.println("starting the simulated PVE host ...");
        out.flush();
        try (Simulator sim = b.start()) {
            banner(sim, Duration.between(started, ctx.clock().instant()));
            DemoReport report = provisionCheckAndTearDown(sim);
            List<Leftovers.Leftover> leftovers = settle(sim);
            report = report.withLeftovers(
                    leftovers, Duration.between(started, ctx.clock().instant()));
            finish(report);
            return report;
        }
    }

    private DemoReport provisionCheckAndTearDown(Simulator sim) {
        UUID installation = UUID.randomUUID();
        ClusterSpec spec =
                DemoSetup.spec(sim, options.nodes(), options.latencyScale(), installation, SpecFiles.defaultOwner(ctx));
        HostCredentials host = DemoSetup.hostCredentials(sim);
        Timeline timeline = new Timeline(ctx.clock());
        SimulatedTime simulated = new SimulatedTime(sim.simulatedClock());
        ProgressListener listener =
                ProgressListener.composite(timeline, simulated, new ProgressPrinter(out, ctx.clock(), simulated));
        EngineContext engineContext = DemoSetup.engineContext(installation, ctx.clock(), options.latencyScale());
        NestedPveEngine engine = new NestedPveEngine(engineContext);
        DemoReport report = DemoReport.start(options, spec, timeline, simulated.timeline());
        try (StopHandler stop = new StopHandler(ctx, spec.timeouts().teardown().plus(DemoTimeouts.FLOOR))) {
            out.println("provisioning cluster " + spec.clusterName() + " (" + spec.nodes()
                    + (spec.nodes() == 1 ? " PVE 8.4 guest" : " PVE 8.4 guests") + " from "
                    + spec.template() + ") ...");
            Provisioning p = engine.start(spec, host, listener);
            stop.watch(p);
            NestedCluster cluster = null;
            try {
                cluster = p.await();
                report = report.withCluster(cluster);
                describe(cluster);
                report = report.withChecks(check(cluster, p, spec));
                if (options.upgrade() != null && report.quorate()) {
                    DemoUpgradeFaults.apply(sim, cluster, options.upgradeFaults(), out);
                    report = report.withUpgrade(upgrade(cluster, p, engineContext));
                }
            } catch (RuntimeException e) {
                report = report.withError(e, stop.stopRequested());
                printFailure(e);
            } finally {
                if (cluster != null) {
                    report = report.withTeardown(tearDown(engine, cluster, host, listener));
                }
            }
        }
        return report;
    }

    private UpgradeReport upgrade(NestedCluster cluster, Provisioning p, EngineContext ec) {
        UpgradeRun.Clients clients = new UpgradeRun.Clients(ec.clock(), ec.ssh(), ec.pveClients(), ec.poll());
        try {
            return new UpgradeRun(out, clients)
                    .run(
                            cluster,
                            p.rootPassword(),
                            options.upgrade().plan(DemoTimeouts.upgrade(options.latencyScale())),
                            options.upgradeReport());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERRUPTED, "interrupted during the upgrade trial");
        }
    }

    private void printFailure(RuntimeException e) {
        out.println("provisioning failed: " + e.getMessage());
        for (Throwable s : e.getSuppressed()) {
            out.println("  during cleanup: " + s.getMessage());
        }
    }

    private TeardownReport tearDown(
            NestedPveEngine engine, NestedCluster cluster, HostCredentials host, ProgressListener listener) {
        out.println("tearing down " + cluster.name() + " ...");
        TeardownReport teardown = engine.teardown(cluster, host, listener);
        out.println(teardown.summary());
        teardown.errors().forEach(err -> out.println("  " + err.getMessage()));
        return teardown;
    }

    private List<NodeChecks.Result> check(NestedCluster cluster, Provisioning p, ClusterSpec spec) {
        SshConnector ssh = new SshConnector(SshTimeouts.DEFAULTS, ctx.clock(), Sleeper.SYSTEM);
        out.println(
                cluster.clustered()
                        ? "checking every node over SSH: pveversion, pvecm status"
                        : "checking the standalone node over SSH: pveversion");
        try {
            List<NodeChecks.Result> results =
                    new NodeChecks(ssh, spec.timeouts().command()).run(cluster, p.rootPassword());
            for (NodeChecks.Result r : results) {
                out.printf(
                        Locale.ROOT,
                        "  %-16s %-8s %s%n",
                        r.node(),
                        r.ok() ? "ok" : "FAILED",
                        r.error() == null
                                ? r.pveversion() + (cluster.clustered() ? ", Quorate: Yes" : ", standalone")
                                : r.error());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(new NodeChecks.Result(cluster.firstNode().name(), null, false, "interrupted"));
        }
    }

    private void banner(Simulator sim, Duration startup) {
        out.println("nestedpve demo: simulated PVE host '" + sim.hostNode() + "' at " + sim.apiUrl() + " up after "
                + Durations.human(startup)
                + String.format(Locale.ROOT, " (latencies x%s of real hardware", options.latencyScale())
                + ", " + options.faults().describe() + ")");
        if (options.requestLog() != null) {
            out.println("request log: " + options.requestLog());
        }
    }

    private void describe(NestedCluster cluster) {
        out.println("cluster " + cluster.name() + " is ready: PVE " + cluster.pveVersion() + ", nesting "
                + cluster.nesting().label());
        for (NestedNode n : cluster.nodes()) {
            out.printf(Locale.ROOT, "  %-16s vmid %-6d %-15s api %s%n", n.name(), n.vmid(), n.address(), n.apiUrl());
        }
    }

    /** The leftovers, after giving the simulator a moment to power off the guests it is destroying. */
    private List<Leftovers.Leftover> settle(Simulator sim) {
        try {
            sim.await(() -> Leftovers.find(sim).isEmpty(), SETTLE, "nothing left of the demo cluster");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // still something left: reported below
        }
        return Leftovers.find(sim);
    }

    private void finish(DemoReport r) {
        out.println();
        out.println("timeline (wall clock):");
        out.print(r.timeline().render());
        out.println();
        out.println("timeline (simulated: the simulator's latencies at full length plus the real local work,"
                + " about what real hardware takes):");
        out.print(r.simulated().render());
        out.println();
        if (!r.leftovers().isEmpty()) {
            out.println("LEFTOVERS on the simulator — teardown was incomplete:");
            r.leftovers().forEach(l -> out.println("  " + l));
        } else {
            out.println("simulator inspection: nothing of ours is left");
        }
        out.println(r.verdict());
    }
}
