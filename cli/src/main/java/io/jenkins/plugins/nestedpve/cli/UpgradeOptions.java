package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.upgrade.InvalidUpgradePlanException;
import io.jenkins.plugins.nestedpve.upgrade.UpgradePlan;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeTimeouts;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of an upgrade trial, shared by {@code nestedpve upgrade} and {@code nestedpve demo
 * --upgrade}; the core's {@link UpgradePlan} checks them and gives the defaults of those left out (the same rule
 * as the Pipeline step's).
 */
final class UpgradeOptions {
    /** Option name of each plan field, for error messages. */
    private static final Map<String, String> OPTION = Map.of(
            "to", "--to",
            "strategy", "--strategy",
            "checker", "--checker",
            "repository", "--repository",
            "mirror", "--mirror",
            "maxGuestDowntime", "--max-guest-downtime",
            "beforeNode", "--before-node",
            "afterNode", "--after-node");

    @Option(names = "--to", paramLabel = "MAJOR", description = "Target: a PVE major such as 9, or latest (default 9).")
    String to;

    @Option(names = "--strategy", paramLabel = "S", description = "rolling (default) or parallel.")
    String strategy;

    @Option(names = "--checker", paramLabel = "MODE", description = "pve8to9: gate (default), report or skip.")
    String checker;

    @Option(names = "--repository", paramLabel = "R", description = "no-subscription (default), enterprise or test.")
    String repository;

    @Option(names = "--mirror", paramLabel = "URL", description = "The PVE repository's URL instead of Proxmox's.")
    String mirror;

    @Option(names = "--workload", description = "Start a small VM and a container per node and watch them.")
    boolean workload;

    @Option(
            names = "--max-guest-downtime",
            paramLabel = "DURATION",
            description = "Fail when a workload guest is down longer, e.g. 30s.")
    String maxGuestDowntime;

    @Option(names = "--before-node", paramLabel = "CMD", description = "Run as root on each node before its upgrade.")
    String beforeNode;

    @Option(names = "--after-node", paramLabel = "CMD", description = "Run as root on each node after its upgrade.")
    String afterNode;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JUnit XML report here.")
    Path report;

    /**
     * The plan with {@code timeouts}.
     *
     * @throws CliException (usage) naming the option at fault
     */
    UpgradePlan plan(UpgradeTimeouts timeouts) {
        try {
            return UpgradePlan.builder()
                    .to(to)
                    .strategy(strategy)
                    .checker(checker)
                    .repository(repository)
                    .mirror(mirror)
                    .workload(workload)
                    .maxGuestDowntime(maxGuestDowntime)
                    .beforeNode(beforeNode)
                    .afterNode(afterNode)
                    .timeouts(timeouts)
                    .build();
        } catch (InvalidUpgradePlanException e) {
            String option = OPTION.getOrDefault(e.field(), e.field());
            throw new CliException(
                    ExitCodes.USAGE, option + e.getMessage().substring(e.field().length()));
        }
    }
}
