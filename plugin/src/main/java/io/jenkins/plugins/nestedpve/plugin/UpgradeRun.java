package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.upgrade.UpgradePlan;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeReport;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeTrial;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code nestedPveUpgrade}: the plan from the step's parameters (checked by the core before anything runs),
 * the enclosing cluster with its root password from {@link ClusterSecrets}, the core's {@link UpgradeTrial} on
 * the engine's clients and time, then the report into the workspace and the trial onto the build page, whatever
 * the outcome. Runs on a background thread; interrupting it aborts the trial.
 */
final class UpgradeRun {
    private final ClusterServices services;
    private final NestedPveUpgradeStep step;
    private final NestedPveClusterContext cluster;
    private final Run<?, ?> run;
    private final PrintStream log;
    private final ReportFiles files;

    UpgradeRun(
            ClusterServices services,
            NestedPveUpgradeStep step,
            NestedPveClusterContext cluster,
            Run<?, ?> run,
            PrintStream log,
            ReportFiles files) {
        this.services = Objects.requireNonNull(services, "services");
        this.step = Objects.requireNonNull(step, "step");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.run = Objects.requireNonNull(run, "run");
        this.log = Objects.requireNonNull(log, "log");
        this.files = Objects.requireNonNull(files, "files");
    }

    /**
     * Runs the trial.
     *
     * @return the core's summary map (fresh and mutable) plus {@code report}: where the JUnit report was written
     * @throws AbortException when a parameter is wrong (nothing ran) or the trial did not pass (the report is
     *     written first)
     * @throws InterruptedException when aborted
     */
    Map<String, Object> call() throws IOException, InterruptedException {
        UpgradePlan plan = UpgradePlans.plan(step);
        UpgradeTrial trial = trial(plan);
        say("Upgrade trial of cluster " + cluster.getClusterName() + " to " + plan.target() + " ("
                + plan.strategy().label() + ", checker " + plan.checker().label() + ", "
                + cluster.getNodes().size()
                + " node(s))");
        UpgradeReport report = trial.execute();
        String path = writeReport(report);
        record(report, path);
        for (String line : report.summaryText().split("\n")) {
            log.println(BuildLogListener.PREFIX + line);
        }
        if (!report.passed()) {
            throw new AbortException(
                    "nestedPveUpgrade: " + report.failureMessage().orElse("the trial failed")
                            + (path == null ? "" : " (JUnit report: " + step.getReport() + ")"));
        }
        Map<String, Object> result = report.summaryMap(); // a fresh, mutable map: Pipeline scripts may change it
        result.put("report", path);
        return result;
    }

    private UpgradeTrial trial(UpgradePlan plan) throws AbortException {
        String password = services.secrets().revealFor(cluster, "nestedPveUpgrade", "to try the upgrade");
        PveHostConfig host = services.hosts()
                .host(cluster.getHostId())
                .orElseThrow(() -> new AbortException("nestedPveUpgrade: PVE host '" + cluster.getHostId()
                        + "' of cluster " + cluster.getClusterName() + " is no longer configured."));
        NestedCluster target =
                cluster.toCluster(HostAccess.ref(host, null), services.clock().instant());
        try {
            return UpgradeTrial.builder(target, Secret.of(password), plan)
                    .engine(services.engine().context())
                    .progress(new BuildLogListener(log::println))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new AbortException("nestedPveUpgrade: " + e.getMessage());
        }
    }

    /** The JUnit report, when asked for; a report that cannot be written fails the step after the summary. */
    private String writeReport(UpgradeReport report) throws IOException, InterruptedException {
        if (step.getReport() == null) {
            return null;
        }
        String path = files.write(step.getReport(), report.toJUnitXml());
        say("JUnit report written to " + path + (files.inWorkspace() ? "" : " (no workspace: outside node)"));
        return path;
    }

    /** The trial on the build page; a convenience, so a failure here only goes to the log. */
    private void record(UpgradeReport report, String path) {
        try {
            run.addAction(new NestedPveUpgradeAction(report, path));
        } catch (RuntimeException e) {
            say("the build summary of the trial could not be saved: " + e.getMessage());
        }
    }

    private void say(String line) {
        log.println(BuildLogListener.PREFIX + line);
    }
}
