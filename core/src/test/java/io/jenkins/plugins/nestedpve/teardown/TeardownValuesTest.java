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
    }
}
