package io.jenkins.plugins.nestedpve.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.pve.NodeSummary;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightReportTest {
    @Test
    void aFailureKeepsItsMessageAndSplitsWhatWasFoundFromWhatToDo() {
        PreflightItem i = PreflightItem.fail("bridge", "bridge", "bridge 'vmbr7' does not exist on pve1 — use vmbr0");

        assertThat(i.detail()).isEqualTo("bridge 'vmbr7' does not exist on pve1");
        assertThat(i.action()).isEqualTo("use vmbr0");
        assertThat(i.toProblem()).hasToString("bridge: bridge 'vmbr7' does not exist on pve1 — use vmbr0");
    }

    @Test
    void linesAlignTheVerdictAndTheCheckAndIndentContinuations() {
        PreflightItem i = PreflightItem.warn("nesting", "nesting", "off\nuse emulate");

        assertThat(i.line()).isEqualTo("WARN  nesting     off\n" + " ".repeat(18) + "use emulate");
    }

    @Test
    void aReportWithAFailureThrowsEveryFailureAsASpecProblem() {
        PreflightReport report = new PreflightReport(List.of(
                PreflightItem.pass("node", "'pve1' is online"),
                PreflightItem.fail("template", "template", "template 9999 was not found on pve1 — check it"),
                PreflightItem.fail("memory", "memoryMiB", "too much — lower it")));

        assertThatThrownBy(report::throwIfFailed)
                .isInstanceOf(SpecValidationException.class)
                .hasMessage("the cluster spec has 2 problems (nothing was created):\n"
                        + "  - template: template 9999 was not found on pve1 — check it\n"
                        + "  - memory: too much — lower it".replace("memory:", "memoryMiB:"));
    }

    @Test
    void aWarningDoesNotFailTheReport() {
        PreflightReport report = new PreflightReport(
                List.of(NodeCheck.item(List.of(new NodeSummary("pve1", "unknown", null, 0, 0, 0)), "pve1")));

        assertThat(report.failed()).isFalse();
        assertThat(report.warnings())
                .singleElement()
                .satisfies(i -> assertThat(i.field()).isEqualTo("host.node"));
    }

    @Test
    void anUnknownNodeFailsNamingTheNodes() {
        PreflightItem i = NodeCheck.item(List.of(new NodeSummary("pve1", "online", null, 0, 0, 0)), "pve2");

        assertThat(i.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(i.message()).startsWith("the host has no node 'pve2' (nodes: pve1) — use the node's name");
    }
}
