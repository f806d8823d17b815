package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.sim.FaultPlan;
import org.junit.jupiter.api.Test;

class FaultOptionsTest {
    @Test
    void oneRateSetsBothClasses() {
        FaultOptions o = new FaultOptions();
        o.rate = 0.1;
        assertThat(o.rates()).isEqualTo(new FaultOptions.Rates(1, 0.1, 0.1));
        assertThat(o.rates().describe()).isEqualTo("faults: rate 0.1, seed 1");
    }

    @Test
    void aClassRateOverridesTheCommonOne() {
        FaultOptions o = new FaultOptions();
        o.seed = 7;
        o.rate = 0.1;
        o.permanentRate = 0.0;
        assertThat(o.rates()).isEqualTo(new FaultOptions.Rates(7, 0.1, 0.0));
        assertThat(o.rates().describe()).isEqualTo("faults: transient 0.1, permanent 0.0, seed 7");
    }

    @Test
    void theTransientClassAloneInjectsNoPermanentFault() {
        FaultOptions o = new FaultOptions();
        o.transientRate = 1.0;
        FaultPlan plan = o.rates().plan();
        assertThat(plan.apiFault("GET", "/version")).isPresent();
        assertThat(plan.taskFailure("qmclone", "9000")).isEmpty();
        assertThat(plan.guestNeverBoots(100, "1")).isFalse();
    }

    @Test
    void aRateOutsideZeroToOneIsAUsageErrorNamingTheOption() {
        FaultOptions o = new FaultOptions();
        o.transientRate = 2.0;
        assertThatThrownBy(o::rates)
                .isInstanceOf(CliException.class)
                .hasMessageContaining("--transient-fault-rate is a probability in [0,1], got 2.0");
    }

    @Test
    void noRateMeansNoFaults() {
        assertThat(new FaultOptions().rates().any()).isFalse();
        assertThat(new FaultOptions().rates().describe()).isEqualTo("no faults");
    }
}
