package io.jenkins.plugins.nestedpve.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeTrialTest {
    private final FakeCluster fake = new FakeCluster(3);
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private UpgradeTrial trial(UpgradePlan plan) {
        return UpgradeTrial.builder(fake.cluster, Secret.of("Zq8v3LmP0sR7tY2uW5xA9bC1"), plan)
                .clock(fake.clock)
                .sleeper(fake.clock.sleeper())
                .poll(new Backoff(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1)))
                .listener(new UpgradeListener() {
                    @Override
                    public void stepStarted(String node, UpgradeStep step) {
                        lines.add("start " + node + " " + step.label());
                    }

                    @Override
                    public void output(String node, String line) {
                        lines.add(node + "| " + line);
                    }
                })
                .access(fake)
                .watchInterval(null)
                .build();
    }

    @Test
    void aRollingTrialBringsEveryNodeToNineAndReportsEachStep() throws Exception {
        UpgradeReport r = trial(UpgradePlan.builder().build()).run();

        assertThat(r.passed()).isTrue();
        assertThat(fake.nodes.values()).allSatisfy(n -> assertThat(n.version).isEqualTo("9.1.2"));
        assertThat(r.nodes()).hasSize(3).allSatisfy(n -> {
            assertThat(n.versionBefore()).isEqualTo("pve-manager/8.4.1/abcdef (running kernel: 6.8.12-9-pve)");
            assertThat(n.versionAfter()).isEqualTo("pve-manager/9.1.2/abcdef (running kernel: 6.17.2-1-pve)");
            assertThat(n.steps())
                    .extracting(StepResult::step)
                    .containsExactly(
                            UpgradeStep.PRECHECK,
                            UpgradeStep.CHECKER,
                            UpgradeStep.MINOR_UPGRADE,
                            UpgradeStep.EVACUATE,
                            UpgradeStep.REPOSITORIES,
                            UpgradeStep.APT_UPDATE,
                            UpgradeStep.DIST_UPGRADE,
                            UpgradeStep.REBOOT,
                            UpgradeStep.VERIFY,
                            UpgradeStep.CHECKER_AFTER,
                            UpgradeStep.CLUSTER_HEALTHY);
        });
    }

    @Test
    void rollingUpgradesOneNodeAtATimeAndWaitsForTheClusterBetween() throws Exception {
        trial(UpgradePlan.builder().build()).run();

        List<String> order = lines.stream()
                .filter(l -> l.startsWith("start ") && (l.endsWith(" reboot") || l.endsWith(" cluster-healthy")))
                .toList();
        assertThat(order)
                .containsExactly(
                        "start np-t-n1 reboot", "start np-t-n1 cluster-healthy",
                        "start np-t-n2 reboot", "start np-t-n2 cluster-healthy",
                        "start np-t-n3 reboot", "start np-t-n3 cluster-healthy");
    }

    @Test
    void theCheckerRunsOnEveryNodeBeforeAnyNodeChanges() throws Exception {
        trial(UpgradePlan.builder().build()).run();

        int lastChecker = lastIndex("start np-t-n3 checker");
        int firstChange = lines.indexOf("start np-t-n1 minor-upgrade");
        assertThat(lastChecker).isLessThan(firstChange);
    }

    @Test
    void aCheckerFailUnderGateStopsBeforeAnyNodeChangesAndNamesTheLine() {
        fake.node("np-t-n2")
                .checkerLines
                .add("FAIL: Resolved node IP '10.0.0.9' not configured or active for 'np-t-n2'");

        assertThatThrownBy(() ->
                        trial(UpgradePlan.builder().checker("gate").build()).run())
                .isInstanceOf(UpgradeFailedException.class)
                .hasMessageContaining("np-t-n2")
                .hasMessageContaining("FAIL: Resolved node IP '10.0.0.9' not configured or active for 'np-t-n2'")
                .satisfies(e -> {
                    UpgradeReport r = ((UpgradeFailedException) e).report();
                    assertThat(r.findings())
                            .extracting(CheckerFinding::line)
                            .containsExactly(
                                    "FAIL: Resolved node IP '10.0.0.9' not configured or active for 'np-t-n2'");
                    assertThat(r.toJUnitXml()).contains("name=\"before: FAIL: Resolved node IP");
                });
        assertThat(fake.changed).isEmpty();
    }

    @Test
    void underReportACheckerFailIsReportedAndTheTrialGoesOn() throws Exception {
        fake.node("np-t-n1").checkerLines.add("WARN: cluster consists of less than three quorum-providing nodes!");
        fake.node("np-t-n1").checkerLines.add("FAIL: 1 nodes are offline!");

        UpgradeReport r = trial(UpgradePlan.builder().checker("report").build()).run();

        assertThat(r.passed()).isTrue();
        assertThat(r.summaryMap().get("checkerFailures")).asList().contains("np-t-n1: FAIL: 1 nodes are offline!");
    }

    @Test
    void aNodeThatDoesNotComeBackFailsTheTrialNamingTheNode() {
        fake.node("np-t-n2").neverReturns = true;

        assertThatThrownBy(() -> trial(UpgradePlan.builder().build()).run())
                .isInstanceOf(UpgradeFailedException.class)
                .hasMessageContaining("SSH on np-t-n2 (10.0.0.12) should answer again after its reboot")
                .satisfies(e -> {
                    UpgradeFailedException f = (UpgradeFailedException) e;
                    assertThat(f.node()).hasValue("np-t-n2");
                    assertThat(f.step()).hasValue(UpgradeStep.REBOOT);
                });
        assertThat(fake.node("np-t-n3").version).isEqualTo("8.4.1");
    }

    @Test
    void theWorkloadGuestsKeepRunningThroughARollingTrialAndTheirDowntimeIsReported() throws Exception {
        UpgradeReport r = trial(UpgradePlan.builder().workload(true).build()).run();

        assertThat(r.guests())
                .hasSize(6)
                .allSatisfy(g -> assertThat(g.runningAtEnd()).isTrue());
        assertThat(r.guests().stream().filter(g -> g.type().equals("qemu")))
                .allSatisfy(g -> assertThat(g.downtime()).isZero());
        assertThat(r.guests().stream().filter(g -> g.type().equals("lxc")))
                .allSatisfy(g -> assertThat(g.downtime()).isPositive());
        assertThat(r.toJUnitXml()).contains("<testsuite name=\"workload\"");
        assertThat(fake.guests).isEmpty();
    }

    @Test
    void aGuestDownLongerThanTheLimitFailsTheTrialNamingIt() {
        assertThatThrownBy(() -> trial(UpgradePlan.builder()
                                .workload(true)
                                .maxGuestDowntime("1s")
                                .build())
                        .run())
                .isInstanceOf(UpgradeFailedException.class)
                .hasMessageMatching("workload guest lxc/\\d+ was down .* more than maxGuestDowntime 1.0s");
    }

    @Test
    void aParallelTrialUpgradesAllNodesThenWaitsOnce() throws Exception {
        UpgradeReport r =
                trial(UpgradePlan.builder().strategy("parallel").build()).run();

        assertThat(r.passed()).isTrue();
        assertThat(r.clusterSteps()).extracting(StepResult::step).containsExactly(UpgradeStep.CLUSTER_HEALTHY);
        assertThat(r.nodes())
                .allSatisfy(n -> assertThat(n.steps())
                        .filteredOn(s -> s.step() == UpgradeStep.EVACUATE)
                        .extracting(StepResult::outcome)
                        .containsExactly(Outcome.SKIPPED));
    }

    @Test
    void theRepositorySwitchWritesDeb822SourcesWithTheConfiguredComponent() throws Exception {
        trial(UpgradePlan.builder().repository("test").build()).run();

        assertThat(fake.commands)
                .contains(
                        "np-t-n1: write /etc/apt/sources.list.d/proxmox.sources",
                        "np-t-n1: write /etc/apt/sources.list.d/debian.sources",
                        "np-t-n1: mv -f /etc/apt/sources.list /etc/apt/sources.list.bak");
    }

    @Test
    void theDistUpgradeOutputIsStreamedToTheListener() throws Exception {
        trial(UpgradePlan.builder().build()).run();

        assertThat(lines).contains("np-t-n1| Setting up pve-manager ...");
    }

    @Test
    void anAbortInTheMiddleOfADistUpgradeStopsTheTrial() {
        fake.abortAt = PackageUpgrade.DIST_UPGRADE;

        assertThatThrownBy(() -> trial(UpgradePlan.builder().build()).run()).isInstanceOf(InterruptedException.class);
        assertThat(lines).contains("start np-t-n1 dist-upgrade").doesNotContain("start np-t-n1 reboot");
    }

    private int lastIndex(String line) {
        return lines.lastIndexOf(line);
    }
}
