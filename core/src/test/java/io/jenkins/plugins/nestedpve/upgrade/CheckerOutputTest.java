package io.jenkins.plugins.nestedpve.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckerOutputTest {
    private static final String OUTPUT = "= CHECKING CLUSTER HEALTH/SETTINGS =\n\n"
            + "\u001b[32mPASS: cluster is quorate.\u001b[0m\n"
            + "\u001b[33mWARN: cluster consists of less than three quorum-providing nodes!\u001b[0m\n"
            + "\u001b[31mFAIL: 1 nodes are offline!\u001b[0m\n"
            + "SKIP: NOTE: Expensive checks, like CT cgroupv2 compat, not performed without '--full' parameter\n"
            + "\n= SUMMARY =\n\nTOTAL:    4\n\u001b[32mPASSED:   1\u001b[0m\nSKIPPED:  1\n"
            + "\u001b[33mWARNINGS: 1\u001b[0m\n\u001b[31mFAILURES: 1\u001b[0m\n"
            + "\u001b[31m\nATTENTION: Please check the output for detailed information!\u001b[0m\n";

    @Test
    void readsTheSummaryCountersThroughTheColourCodes() {
        CheckerSummary s = CheckerOutput.parse("n1", false, OUTPUT).orElseThrow();

        assertThat(s.total()).isEqualTo(4);
        assertThat(s.passed()).isEqualTo(1);
        assertThat(s.skipped()).isEqualTo(1);
        assertThat(s.warnings()).isEqualTo(1);
        assertThat(s.failures()).isEqualTo(1);
    }

    @Test
    void keepsEachFailAndWarnLineWithoutColours() {
        CheckerSummary s = CheckerOutput.parse("n1", false, OUTPUT).orElseThrow();

        assertThat(s.findings())
                .extracting(CheckerFinding::line)
                .containsExactly(
                        "WARN: cluster consists of less than three quorum-providing nodes!",
                        "FAIL: 1 nodes are offline!");
    }

    @Test
    void outputWithoutTheSummaryIsNotAResult() {
        assertThat(CheckerOutput.parse("n1", false, "= CHECKING VERSION INFORMATION FOR PVE PACKAGES =\n"))
                .isEmpty();
    }

    @Test
    void recognisesAnUpgradedNode() {
        String after = "\u001b[32mPASS: already upgraded to Proxmox VE 9\u001b[0m\nFAILURES: 0\n";

        assertThat(CheckerOutput.parse("n1", true, after).orElseThrow().upgraded())
                .isTrue();
    }
}
