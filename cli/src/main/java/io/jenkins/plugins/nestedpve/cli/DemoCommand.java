package io.jenkins.plugins.nestedpve.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nestedpve demo}: the whole job on the embedded simulator, no hardware needed. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start an embedded simulated PVE host, provision a nested cluster of PVE 8.4 guests on it through"
                    + " the real engine (HTTPS and SSH), check every node (pveversion, pvecm status), tear it"
                    + " down and verify on the simulator that nothing is left.",
            "Exit 0 only when the cluster was quorate and nothing is left; 3 when provisioning failed,"
                    + " 4 when something was left behind."
        })
final class DemoCommand implements Callable<Integer> {
    /** Realistic latencies times this: a 3-node demo takes about 20 seconds. */
    static final double DEFAULT_SCALE = 0.05;

    private final CliContext ctx;

    @Option(
            names = "--nodes",
            paramLabel = "N",
            description = "Nodes of the nested cluster (default ${DEFAULT-VALUE}).")
    int nodes = 3;

    @Mixin
    FaultOptions faults = new FaultOptions();

    @Option(
            names = "--clusters",
            paramLabel = "N",
            description = "Request N clusters at once (default ${DEFAULT-VALUE}); with --room the simulated host has"
                    + " room for fewer of them and the rest wait in line.")
    int clusters = 1;

    @Option(
            names = "--room",
            paramLabel = "R",
            description = "With --clusters: size the simulated host for R clusters at a time (default: all of them).")
    Integer room;

    @Option(
            names = "--request-log",
            paramLabel = "FILE",
            description = "Write the simulator's JSON-lines request log here.")
    Path requestLog;

    @Option(
            names = "--latency-scale",
            paramLabel = "X",
            description = "Realistic PVE latencies times this factor (default ${DEFAULT-VALUE}; 1 = real hardware).")
    double latencyScale = DEFAULT_SCALE;

    @Option(
            names = "--upgrade",
            description = "After the checks, run an upgrade trial (8.4 -> 9 by default) on the cluster; see the"
                    + " upgrade options.")
    boolean upgrade;

    @Mixin
    UpgradeOptions upgradeOptions = new UpgradeOptions();

    @Option(
            names = "--upgrade-fault",
            paramLabel = "NAME[@nK][=VALUE]",
            description = "With --upgrade: inject a fault into the simulated upgrade, e.g. checker-fail@n2=TEXT,"
                    + " no-return-after-upgrade@n2, dpkg-error@n1, repo-unreachable, checker-warn=TEXT"
                    + " (nK: the cluster's K-th node; without it every node). Repeatable.")
    List<String> upgradeFaults = new ArrayList<>();

    @Option(names = "--json", description = "Print the result as JSON on stdout (progress goes to stderr).")
    boolean json;

    DemoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (nodes < 1 || nodes > 32) {
            throw new CliException(ExitCodes.USAGE, "--nodes must be 1..32, got " + nodes);
        }
        FaultOptions.Rates rates = faults.rates();
        if (!(latencyScale > 0)) {
            throw new CliException(ExitCodes.USAGE, "--latency-scale must be positive, got " + latencyScale);
        }
        if (!upgrade && upgradeOptions.report != null) {
            throw new CliException(ExitCodes.USAGE, "--report is the upgrade trial's report: add --upgrade");
        }
        if (!upgrade && !upgradeFaults.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "--upgrade-fault needs --upgrade");
        }
        if (clusters < 1 || clusters > 20) {
            throw new CliException(ExitCodes.USAGE, "--clusters must be 1..20, got " + clusters);
        }
        if (room != null && (room < 1 || room > clusters)) {
            throw new CliException(ExitCodes.USAGE, "--room must be 1.." + clusters + " (--clusters), got " + room);
        }
        if (clusters > 1 && (upgrade || json || requestLog != null)) {
            throw new CliException(
                    ExitCodes.USAGE,
                    "--clusters shows the line for room: leave out --upgrade, --json and --request-log");
        }
        if (upgrade) {
            upgradeOptions.plan(DemoTimeouts.upgrade(latencyScale)); // bad options fail before anything starts
            upgradeFaults.forEach(DemoUpgradeFaults::check);
        }
        DemoRun.Options options = new DemoRun.Options(
                nodes,
                rates,
                requestLog == null ? null : ctx.resolve(requestLog.toString()),
                latencyScale,
                upgrade ? upgradeOptions : null,
                upgradeOptions.report == null ? null : ctx.resolve(upgradeOptions.report.toString()),
                List.copyOf(upgradeFaults));
        if (clusters > 1 || room != null) {
            try {
                return new DemoQueueRun(ctx, options, clusters, room == null ? clusters : room, ctx.out()).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.INTERRUPTED, "interrupted");
            }
        }
        DemoReport report = new DemoRun(ctx, options, json ? ctx.err() : ctx.out()).run();
        if (json) {
            Json.print(ctx.out(), report.json());
        }
        return report.exitCode();
    }
}
