package io.jenkins.plugins.nestedpve.teardown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TeardownValuesTest {
    @Test
    void teardownReportSummarisesByResult() {
        TeardownReport r = new TeardownReport(
                List.of(
                        new TeardownReport.VmOutcome(1, "a", TeardownReport.Result.DESTROYED, null),
                        new TeardownReport.VmOutcome(2, "b", TeardownReport.Result.NOT_OURS, "no marker")),
                List.of());
        assertThat(r.summary()).isEqualTo("teardown: 1 destroyed, 0 already gone, 1 not ours, 0 kept, 0 failed");
        assertThat(r.ok()).isTrue();
        assertThat(r.clean()).isTrue();
    }

    @Test
    void anUnmarkedVmIsCountedAndListedForAHand() {
        TeardownReport r = new TeardownReport(
                List.of(new TeardownReport.VmOutcome(
                        80001, "np-x-n2", TeardownReport.Result.UNMARKED, "no marker: left untouched")),
                List.of());
        assertThat(r.summary())
                .isEqualTo("teardown: 0 destroyed, 0 already gone, 0 not ours, 0 kept, 0 failed, 1 unmarked (left for a"
                        + " hand)");
        assertThat(r.ok()).isTrue();
        assertThat(r.clean()).isFalse();
        assertThat(r.handCleanup("pve"))
                .containsExactly("VM 80001 (np-x-n2) on node pve: no marker: left untouched; if it is not needed: qm"
                        + " stop 80001 && qm destroy 80001 --purge");
    }
}
