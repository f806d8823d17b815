package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.upgrade.CheckerFinding;
import io.jenkins.plugins.nestedpve.upgrade.CheckerMode;
import io.jenkins.plugins.nestedpve.upgrade.CheckerSummary;
import io.jenkins.plugins.nestedpve.upgrade.NodeReport;
import io.jenkins.plugins.nestedpve.upgrade.StepResult;
import io.jenkins.plugins.nestedpve.upgrade.Strategy;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeReport;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the step puts the core's report: the JUnit file, the build page, the returned map. */
class UpgradeReportOutputsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T20:00:00Z");

    @TempDir
    Path dir;

    private static UpgradeReport gateFailure() {
        CheckerFinding fail =
                new CheckerFinding("np-a-n2", false, CheckerFinding.Severity.FAIL, "1 nodes are offline!");
        StepResult checker = new StepResult(
                "np-a-n2",
                UpgradeStep.CHECKER,
                T0,
                Duration.ofSeconds(4),
                Outcome.FAILED,
                "",
                "FAIL: 1 nodes are offline!");
        NodeReport n2 = new NodeReport(
                "np-a-n2",
                "pve-manager/8.4.1/2a5fa54a8503f96d (running kernel: 6.8.12-9-pve)",
                null,
                List.of(checker),
                List.of(new CheckerSummary("np-a-n2", false, 30, 28, 1, 0, 1, List.of(fail), false)));
        return new UpgradeReport(
                "np-a",
                "9",
                Strategy.ROLLING,
                CheckerMode.GATE,
                T0,
                Duration.ofSeconds(5),
                List.of(n2),
                List.of(),
                List.of(),
                "np-a-n2: checker: FAIL: 1 nodes are offline!");
    }

    @Test
    void theReportGoesBelowTheWorkspaceIncludingFolders() throws Exception {
        ReportFiles files = ReportFiles.inDirectory(dir, true);

        String where = files.write("reports/upgrade.xml", "<testsuites/>");

        assertThat(Path.of(where)).isEqualTo(dir.resolve("reports/upgrade.xml"));
        assertThat(Files.readString(dir.resolve("reports/upgrade.xml"))).isEqualTo("<testsuites/>");
    }

    @Test
    void aPathThatLeavesTheDirectoryIsNeverWritten() {
        ReportFiles files = ReportFiles.inDirectory(dir.resolve("ws"), true);

        assertThatThrownBy(() -> files.write("../outside.xml", "x")).isInstanceOf(IOException.class);
        assertThat(dir.resolve("outside.xml")).doesNotExist();
    }

    @Test
    void outsideNodeTheReportGoesToTheBuildDirectory() throws Exception {
        FakeRun run = new FakeRun("job#7", Files.createDirectories(dir.resolve("build")));

        ReportFiles files = ReportFiles.forStep(null, run);
        String where = files.write("upgrade-report.xml", "<testsuites/>");

        assertThat(files.inWorkspace()).isFalse();
        assertThat(Path.of(where)).isEqualTo(dir.resolve("build/nested-pve/upgrade-report.xml"));
    }

    @Test
    void theBuildPageShowsTheOutcomeTheNodesAndTheTimeline() {
        NestedPveUpgradeAction a = new NestedPveUpgradeAction(gateFailure(), "/ws/upgrade-report.xml");

        assertThat(a.getDisplayName()).isEqualTo("Upgrade trial of np-a to 9");
        assertThat(a.getOutcome()).isEqualTo("failed: np-a-n2: checker: FAIL: 1 nodes are offline!");
        assertThat(a.getStrategy()).isEqualTo("rolling");
        assertThat(a.getReportPath()).isEqualTo("/ws/upgrade-report.xml");
        assertThat(a.getNodes()).singleElement().satisfies(n -> {
            assertThat(n.getName()).isEqualTo("np-a-n2");
            assertThat(n.getOutcome()).isEqualTo("FAILED");
            assertThat(n.getBefore()).startsWith("pve-manager/8.4.1");
            assertThat(n.getAfter()).isEmpty();
        });
        assertThat(a.getTimeline()).contains("checker");
        assertThat(a.getSummary()).contains("FAIL: 1 nodes are offline!");
        assertThat(a.getIconFileName()).isNull();
        assertThat(a.getUrlName()).isNull();
    }
}
