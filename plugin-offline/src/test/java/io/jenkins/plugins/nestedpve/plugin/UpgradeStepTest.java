package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * nestedPveUpgrade inside a two-node nestedPveCluster of the simulated host (PVE 8.4 guests), from start to end with
 * the core's trial over real SSH and API: a passing trial, the checker gate, an abort in the middle of a node's
 * upgrade, and the report in the workspace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeStepTest {
    private static final int WAIT = ClusterFixture.WAIT_SECONDS;

    private ClusterFixture lab;

    @TempDir
    Path workspace;

    @BeforeAll
    void start(@TempDir Path home) {
        lab = new ClusterFixture(home);
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @AfterEach
    void nothingIsLeftOnTheHost() {
        assertThat(lab.guests()).isEmpty();
        assertThat(lab.services.leases().live()).isEmpty();
    }

    /** An upgrade step started in the body of a cluster, with the workspace of this test. */
    private record Upgrade(UpgradeStepExecution execution, FakeStepContext context) {}

    private Upgrade startUpgrade(FakeStepContext body, NestedPveUpgradeStep step) {
        FakeStepContext ctx = body.child(List.of());
        UpgradeStepExecution exec = new UpgradeStepExecution(step, ctx);
        exec.attach(lab.services, new TestBackground(lab.pool, ctx), ReportFiles.inDirectory(workspace, true));
        exec.start();
        return new Upgrade(exec, ctx);
    }

    /** The step's result, or its failure thrown as the body would see it. */
    private static Object outcome(FakeStepContext step) throws Throwable {
        try {
            return step.await(WAIT);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    /** Runs {@code step} in the body of a new two-node cluster; the body returns the step's result. */
    private ClusterFixture.Started clusterRunning(NestedPveUpgradeStep step) throws Exception {
        return lab.start(lab.step(2), body -> outcome(startUpgrade(body, step).context()));
    }

    private static NestedPveUpgradeStep upgradeTo9() {
        NestedPveUpgradeStep step = new NestedPveUpgradeStep();
        step.setTo("9");
        step.setReport("upgrade-report.xml");
        return step;
    }

    @Test
    void aPassingTrialUpgradesEveryNodeAndReturnsTheSummary() throws Exception {
        ClusterFixture.Started s = clusterRunning(upgradeTo9());

        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) s.context().await(WAIT);

        assertThat(summary).containsEntry("passed", true).containsEntry("target", "9");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) summary.get("nodes");
        assertThat(nodes).hasSize(2).allSatisfy(n -> {
            assertThat((String) n.get("before")).contains("pve-manager/8.4");
            assertThat((String) n.get("after")).contains("pve-manager/9.");
        });
        assertThat(s.run().actions)
                .filteredOn(NestedPveUpgradeAction.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(NestedPveUpgradeAction.class, a -> {
                    assertThat(a.getOutcome()).startsWith("passed");
                    assertThat(a.getNodes()).hasSize(2);
                    assertThat(a.getTimeline()).contains("dist-upgrade");
                });
        assertThat(s.log().text()).contains("[nested-pve] Upgrade trial of cluster");
    }

    @Test
    void theClustersRootPasswordIsInNoOutputOfTheStep() throws Exception {
        CompletableFuture<String> password = new CompletableFuture<>();
        ClusterFixture.Started s = lab.start(lab.step(2), body -> {
            password.complete(
                    lab.services.secrets().reveal(body.cluster().getLeaseId()).orElseThrow());
            return outcome(startUpgrade(body, upgradeTo9()).context());
        });

        Object summary = s.context().await(WAIT);

        String secret = password.get();
        assertThat(s.log().text()).contains("Upgrade trial of cluster").doesNotContain(secret);
        assertThat(summary.toString()).doesNotContain(secret);
        assertThat(Files.readString(workspace.resolve("upgrade-report.xml"))).doesNotContain(secret);
        assertThat(s.run().actions).allSatisfy(a -> {
            if (a instanceof NestedPveUpgradeAction u) {
                assertThat(u.getSummary() + u.getTimeline() + u.getOutcome()).doesNotContain(secret);
            }
        });
    }

    @Test
    void aCheckerFailureUnderTheGateFailsBeforeAnyNodeChanges() throws Exception {
        NestedPveClusterStep cluster = lab.step(2);
        cluster.setClusterName("np-gate");
        lab.sim.faults().upgrade().checkerFail("np-gate-n2", "corosync.conf still has a ring1 address");
        NestedPveUpgradeStep step = upgradeTo9();
        step.setChecker("gate");
        CompletableFuture<List<String>> versionsBefore = new CompletableFuture<>();
        CompletableFuture<List<String>> versionsAfter = new CompletableFuture<>();
        ClusterFixture.Started s = lab.start(cluster, body -> {
            versionsBefore.complete(versions());
            try {
                return outcome(startUpgrade(body, step).context());
            } finally {
                versionsAfter.complete(versions());
            }
        });

        Throwable failure = s.context().failure(WAIT);

        assertThat(failure)
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("nestedPveUpgrade: ")
                .hasMessageContaining("np-gate-n2")
                .hasMessageContaining("corosync.conf still has a ring1 address");
        assertThat(versionsAfter.get()).hasSize(2).isEqualTo(versionsBefore.get());
        assertThat(Files.readString(workspace.resolve("upgrade-report.xml")))
                .contains("corosync.conf still has a ring1 address");
        assertThat(s.log().text())
                .contains("] checker failed")
                .doesNotContain("] minor-upgrade")
                .doesNotContain("] evacuate")
                .doesNotContain("] repositories")
                .doesNotContain("] dist-upgrade");
    }

    /** Each guest's installed PVE version and running kernel, in node order. */
    private List<String> versions() {
        return lab.sim.guests().stream()
                .sorted(java.util.Comparator.comparing(PveMachine::nodeName))
                .map(m -> m.version().version() + " " + m.runningKernel())
                .toList();
    }

    @Test
    void anAbortInTheMiddleOfANodesUpgradeStillTearsTheClusterDown() throws Exception {
        CompletableFuture<Upgrade> upgrade = new CompletableFuture<>();
        ClusterFixture.Started s = lab.start(lab.step(2), body -> {
            Upgrade u = startUpgrade(body, upgradeTo9());
            upgrade.complete(u);
            return outcome(u.context());
        });
        Upgrade u = upgrade.get(WAIT, TimeUnit.SECONDS);
        lab.sim.await(
                () -> s.log().text().contains("] dist-upgrade ..."),
                java.time.Duration.ofSeconds(WAIT),
                "a node's dist-upgrade to start");
        AbortException cause = new AbortException("Aborted by a user");

        u.execution().stop(cause);

        assertThat(u.context().failure(WAIT)).isSameAs(cause);
        assertThat(s.context().failure(WAIT)).isSameAs(cause);
        assertThat(u.context().completions).hasValue(1);
        String log = s.log().text();
        assertThat(log).contains("Stopping the upgrade trial");
        // the trial let go of the cluster (its command killed) before the block's teardown began
        assertThat(log.indexOf("Destroying cluster")).isGreaterThan(log.lastIndexOf(" failed in "));
        // @AfterEach: no guest and no live lease remain
    }

    @Test
    void withAWorkloadTheSummaryGivesEveryGuestsDowntime() throws Exception {
        NestedPveUpgradeStep step = upgradeTo9();
        step.setWorkload(true);
        step.setMaxGuestDowntime("10m");
        ClusterFixture.Started s = clusterRunning(step);

        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) s.context().await(WAIT);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> guests = (List<Map<String, Object>>) summary.get("guests");
        assertThat(guests).hasSize(4).allSatisfy(g -> {
            assertThat(g).containsKey("downtimeMillis");
            assertThat(g).containsEntry("runningAtEnd", true);
        });
    }

    @Test
    void theReportIsWrittenIntoTheWorkspace() throws Exception {
        NestedPveUpgradeStep step = upgradeTo9();
        step.setReport("reports/upgrade.xml");
        ClusterFixture.Started s = clusterRunning(step);

        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) s.context().await(WAIT);

        Path report = workspace.resolve("reports/upgrade.xml");
        assertThat(summary).containsEntry("report", report.toString());
        String xml = Files.readString(report);
        assertThat(xml).startsWith("<?xml").contains("<testsuites");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) summary.get("nodes");
        for (Map<String, Object> node : nodes) {
            assertThat(xml).contains("<testsuite name=\"" + node.get("name") + "\"");
        }
    }
}
