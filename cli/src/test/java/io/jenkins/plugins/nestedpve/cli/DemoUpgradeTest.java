package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code nestedpve demo --upgrade} on the simulator: the whole trial, a checker gate, a node that stays down. */
class DemoUpgradeTest {
    @TempDir
    Path dir;

    private CliHarness.Result demo(String... extra) {
        List<String> args =
                new ArrayList<>(List.of("demo", "--latency-scale", "0.01", "--json", "--upgrade", "--report", "r.xml"));
        args.addAll(List.of(extra));
        return new CliHarness(dir).run(args.toArray(String[]::new));
    }

    @Test
    void theTrialBringsEveryNodeToNineWithASuitePerNodeAndACasePerStep() throws Exception {
        CliHarness.Result r = demo();
        JsonNode json = new ObjectMapper().readTree(r.out());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(json.get("upgrade").get("passed").asBoolean()).isTrue();
        json.get("upgrade").get("nodes").forEach(n -> {
            assertThat(n.get("before").asText()).startsWith("pve-manager/8.4.1/");
            assertThat(n.get("after").asText()).startsWith("pve-manager/9.");
            assertThat(n.get("steps").get("cluster-healthy").asText()).isEqualTo("succeeded");
        });
        Document xml = parse(dir.resolve("r.xml"));
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(3);
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            assertThat(suite.getAttribute("name")).endsWith("-n" + (i + 1));
            assertThat(caseNames(suite))
                    .startsWith(
                            "precheck",
                            "checker",
                            "minor-upgrade",
                            "evacuate",
                            "repositories",
                            "apt-update",
                            "dist-upgrade",
                            "reboot",
                            "verify",
                            "checker-after",
                            "cluster-healthy");
        }
        assertThat(r.err()).contains("pveversion before / after", "-> pve-manager/9.", "upgrade trial PASSED");
        assertThat(json.get("leftovers")).isEmpty();
    }

    @Test
    void aCheckerFailUnderGateStopsBeforeAnyNodeChangesAndTheReportNamesTheLine() throws Exception {
        CliHarness.Result r = demo("--upgrade-fault", "checker-fail@n2=Resolved node IP '10.9.9.9' not configured");
        JsonNode json = new ObjectMapper().readTree(r.out());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        assertThat(json.get("upgrade").get("failure").asText())
                .contains("-n2", "FAIL: Resolved node IP '10.9.9.9' not configured", "nothing was changed");
        json.get("upgrade").get("nodes").forEach(n -> {
            assertThat(n.get("after").asText()).startsWith("pve-manager/8.4.1/");
            assertThat(n.get("steps").has("dist-upgrade")).isFalse();
        });
        assertThat(java.nio.file.Files.readString(dir.resolve("r.xml")))
                .contains("name=\"before: FAIL: Resolved node IP '10.9.9.9' not configured\"")
                .contains("<failure message=\"checker gate:");
        assertThat(json.get("leftovers")).isEmpty();
    }

    @Test
    void aNodeThatDoesNotComeBackFailsTheTrialNamingItAndTeardownLeavesNothing() throws Exception {
        CliHarness.Result r = demo("--upgrade-fault", "no-return-after-upgrade@n2");
        JsonNode json = new ObjectMapper().readTree(r.out());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        String node2 = json.get("cluster").get("nodes").get(1).get("name").asText();
        assertThat(json.get("upgrade").get("failure").asText())
                .contains("SSH on " + node2)
                .contains("should answer again after its reboot");
        assertThat(json.get("leftovers")).isEmpty();
        assertThat(json.get("teardown").asText()).startsWith("teardown: 3 destroyed");
    }

    @Test
    void aDpkgErrorFailsTheTrialNamingTheNodeAndTheStepAndTeardownLeavesNothing() throws Exception {
        CliHarness.Result r = demo("--upgrade-fault", "dpkg-error@n2=pve-manager");
        JsonNode json = new ObjectMapper().readTree(r.out());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        String node2 = json.get("cluster").get("nodes").get(1).get("name").asText();
        // 8.4.1 is not the newest 8.x: the minor upgrade's dist-upgrade runs first and hits the fault
        assertThat(json.get("upgrade").get("failure").asText())
                .startsWith("minor-upgrade on " + node2 + ": apt-get dist-upgrade on " + node2 + " exited 100")
                .contains("E: Sub-process /usr/bin/dpkg returned an error code (1)");
        assertThat(json.get("upgrade")
                        .get("nodes")
                        .get(1)
                        .get("steps")
                        .get("minor-upgrade")
                        .asText())
                .isEqualTo("failed");
        assertThat(json.get("upgrade").get("nodes").get(1).get("after").asText())
                .startsWith("pve-manager/8.4.1/");
        assertThat(json.get("leftovers")).isEmpty();
        assertThat(json.get("teardown").asText()).startsWith("teardown: 3 destroyed");
    }

    @Test
    void anUnreachableRepositoryIsNotTakenForASuccessfulUpdate() throws Exception {
        CliHarness.Result r = demo("--upgrade-fault", "repo-unreachable@n2");
        JsonNode json = new ObjectMapper().readTree(r.out());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        String node2 = json.get("cluster").get("nodes").get(1).get("name").asText();
        // apt-get update exits 0 with W: lines and the old index: the precheck must not take that for success
        assertThat(json.get("upgrade").get("failure").asText())
                .startsWith("precheck on " + node2 + ": apt-get update on " + node2 + " could not fetch")
                .contains("http://download.proxmox.com/debian/pve/dists/bookworm/InRelease")
                .contains("Temporary failure resolving 'download.proxmox.com'");
        json.get("upgrade").get("nodes").forEach(n -> {
            assertThat(n.get("after").asText()).startsWith("pve-manager/8.4.1/");
            assertThat(n.get("steps").has("dist-upgrade")).isFalse();
        });
        assertThat(json.get("leftovers")).isEmpty();
        assertThat(json.get("teardown").asText()).startsWith("teardown: 3 destroyed");
    }

    @Test
    void aCertificateRenewedAtBootIsRepinnedFromWhatSshReads() throws Exception {
        CliHarness.Result r = demo("--upgrade-fault", "cert-renewed-at-boot@n1");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err())
                .containsPattern("the API certificate of np-\\w+-n1 changed; re-pinned to [0-9A-F:]{95},"
                        + " read over SSH \\(host key pinned\\)");
    }

    @Test
    void withWorkloadEveryGuestKeepsRunningThroughARollingTrialAndItsDowntimeIsReported() throws Exception {
        CliHarness.Result r = demo("--workload");
        JsonNode json = new ObjectMapper().readTree(r.out());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode guests = json.get("upgrade").get("guests");
        assertThat(guests).hasSize(6);
        guests.forEach(g -> {
            assertThat(g.get("runningAtEnd").asBoolean()).isTrue();
            assertThat(g.has("downtimeMillis")).isTrue();
        });
        assertThat(java.nio.file.Files.readString(dir.resolve("r.xml")))
                .contains("<testsuite name=\"workload\"", "name=\"workload-start\"", "name=\"workload-cleanup\"");
        assertThat(json.get("leftovers")).isEmpty();
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> caseNames(Element suite) {
        List<String> names = new ArrayList<>();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        return names;
    }
}
