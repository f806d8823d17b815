package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.lifecycle.PveClientFactory;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeListener;
import io.jenkins.plugins.nestedpve.upgrade.UpgradePlan;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeReport;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeTrial;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Locale;

/**
 * Runs an upgrade trial for the command line: progress lines as steps start, command output and
 * heartbeats; then a per-node table with each node's {@code pveversion} before and after, the
 * timeline, and the JUnit report written to a file.
 */
final class UpgradeRun {
    /** How the trial reaches the nodes. */
    record Clients(Clock clock, SshConnector ssh, PveClientFactory pve, Backoff poll) {}

    private final PrintStream out;
    private final Clients clients;

    UpgradeRun(PrintStream out, Clients clients) {
        this.out = out;
        this.clients = clients;
    }

    /** Runs {@code plan} on {@code cluster}; the report, also when the trial failed. */
    UpgradeReport run(NestedCluster cluster, Secret rootPassword, UpgradePlan plan, Path reportFile, double scale)
            throws InterruptedException {
        out.println(
                "upgrade trial of " + cluster.name() + ": " + cluster.nodes().size() + " node(s) to "
                        + plan.target() + ", " + plan.strategy().label() + ", checker "
                        + plan.checker().label()
                        + (plan.workload() ? ", with workload guests" : ""));
        UpgradeReport report = UpgradeTrial.builder(cluster, rootPassword, plan)
                .clock(clients.clock())
                .sleeper(Sleeper.SYSTEM)
                .ssh(clients.ssh())
                .pveClients(clients.pve())
                .poll(clients.poll())
                .listener(UpgradeListener.toProgress(new ProgressPrinter(out, clients.clock(), scale)))
                .build()
                .execute();
        print(report);
        if (reportFile != null) {
            write(reportFile, report.toJUnitXml());
            out.println("JUnit report: " + reportFile);
        }
        return report;
    }

    private void print(UpgradeReport r) {
        out.println();
        out.println("upgrade timeline:");
        out.print(r.timelineText());
        out.println();
        out.printf(Locale.ROOT, "%-16s %-10s %s%n", "node", "outcome", "pveversion before / after");
        r.nodes().forEach(n -> {
            out.printf(
                    Locale.ROOT,
                    "%-16s %-10s %s%n",
                    n.node(),
                    n.outcome().name().toLowerCase(Locale.ROOT),
                    dash(n.versionBefore()));
            out.printf(Locale.ROOT, "%-16s %-10s %s%n", "", "", dash(n.versionAfter()));
        });
        r.guests()
                .forEach(g -> out.printf(
                        Locale.ROOT,
                        "guest %-10s %s -> %s, down %d ms in all%s%n",
                        g.name(),
                        g.homeNode(),
                        g.finalNode(),
                        g.downtime().toMillis(),
                        g.runningAtEnd() ? "" : ", NOT running"));
        r.findings()
                .forEach(f -> out.println("checker " + f.node() + (f.afterUpgrade() ? " (after): " : ": ") + f.line()));
        out.println(
                r.passed()
                        ? "upgrade trial PASSED"
                        : "upgrade trial FAILED: " + r.failureMessage().orElse(""));
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    static void write(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.COMMAND_FAILED,
                    "could not write the report " + file + ": " + e.getMessage()
                            + " — check that the directory is writable");
        }
    }
}
