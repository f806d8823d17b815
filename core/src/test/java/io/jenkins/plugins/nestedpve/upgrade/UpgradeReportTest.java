package io.jenkins.plugins.nestedpve.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.events.Outcome;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class UpgradeReportTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static StepResult step(String node, UpgradeStep s, int seconds, Outcome o, String failure) {
        return new StepResult(
                node, s, T0.plusSeconds(seconds), Duration.ofMillis(1500), o, "line <1> & \u0007more", failure);
    }

    private static UpgradeReport report() {
        CheckerSummary checker = new CheckerSummary(
                "n1",
                false,
                3,
                1,
                0,
                1,
                1,
                List.of(
                        new CheckerFinding(
                                "n1", false, CheckerFinding.Severity.WARN, "cluster consists of less than three"),
                        new CheckerFinding("n1", false, CheckerFinding.Severity.FAIL, "1 nodes are offline!")),
                false);
        NodeReport n1 = new NodeReport(
                "n1",
                "pve-manager/8.4.1/a (running kernel: 6.8.12-9-pve)",
                null,
                List.of(
                        step("n1", UpgradeStep.PRECHECK, 0, Outcome.SUCCEEDED, null),
                        step("n1", UpgradeStep.CHECKER, 2, Outcome.FAILED, "checker gate: FAIL: 1 nodes are offline!")),
                List.of(checker));
        NodeReport n2 = new NodeReport(
                "n2", null, null, List.of(step("n2", UpgradeStep.PRECHECK, 1, Outcome.SUCCEEDED, null)), List.of());
        GuestDowntime g = new GuestDowntime(
                101, "lxc", "n1", "n2", Duration.ofSeconds(4), Duration.ofSeconds(4), true, Duration.ofSeconds(30));
        return new UpgradeReport(
                "np-t",
                "9",
                Strategy.ROLLING,
                CheckerMode.GATE,
                T0,
                Duration.ofSeconds(9),
                List.of(n1, n2),
                List.of(),
                List.of(g),
                "checker gate: FAIL: 1 nodes are offline!");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void junitXmlHasASuitePerNodeAndACasePerStepAndCheckerLine() throws Exception {
        Document d = parse(report().toJUnitXml());

        assertThat(d.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
        Element n1 = (Element) d.getElementsByTagName("testsuite").item(0);
        assertThat(n1.getAttribute("name")).isEqualTo("n1");
        assertThat(n1.getAttribute("tests")).isEqualTo("4");
        assertThat(n1.getAttribute("failures")).isEqualTo("2");
        assertThat(((Element) n1.getElementsByTagName("testcase").item(0)).getAttribute("time"))
                .isEqualTo("1.500");
        assertThat(((Element) n1.getElementsByTagName("testcase").item(3)).getAttribute("name"))
                .isEqualTo("before: FAIL: 1 nodes are offline!");
    }

    @Test
    void failuresCarryTheirMessageAndOutputTailsGoToSystemOut() throws Exception {
        Document d = parse(report().toJUnitXml());

        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("checker gate: FAIL: 1 nodes are offline!");
        assertThat(d.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("line <1> & more");
    }

    @Test
    void theSummaryShowsEachNodesVersionBeforeAndAfter() {
        String s = report().summaryText();

        assertThat(s).startsWith("Upgrade trial of np-t to 9 (rolling, checker gate): FAILED in 9.0s\n");
        assertThat(s).contains("pve-manager/8.4.1/a (running kernel: 6.8.12-9-pve)");
        assertThat(s).contains("guest lxc/101 n1 -> n2: down 4.0s (longest 4.0s), running");
    }

    @Test
    void theSummaryMapHoldsPlainValues() {
        var m = report().summaryMap();

        assertThat(m)
                .containsEntry("passed", false)
                .containsEntry("target", "9")
                .containsEntry("strategy", "rolling");
        assertThat(m.get("checkerFailures")).asList().containsExactly("n1: FAIL: 1 nodes are offline!");
        assertThat(m.get("guests")).asList().hasSize(1);
    }

    @Test
    void theTimelineListsStepsInStartOrder() {
        assertThat(report().timelineText()
                        .lines()
                        .map(l -> l.replaceAll("\\s+", " ").strip()))
                .containsExactly(
                        "+0ms n1 precheck succeeded 1.5s",
                        "+1.0s n2 precheck succeeded 1.5s",
                        "+2.0s n1 checker failed 1.5s");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSummaryMapIsAFreshMutableMapOnEachCall() {
        UpgradeReport r = report();
        var m = r.summaryMap();
        ((java.util.List<Object>) m.get("nodes")).add("more");
        m.put("report", null);

        assertThat(m).containsKey("report");
        assertThat(r.summaryMap()).doesNotContainKey("report");
        assertThat((java.util.List<Object>) r.summaryMap().get("nodes")).doesNotContain("more");
    }
}
