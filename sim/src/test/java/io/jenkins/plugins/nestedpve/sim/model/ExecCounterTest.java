package io.jenkins.plugins.nestedpve.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecCounterTest {
    @Test
    void aCommandLineRunAgainOnTheSameMachineIsARepeat() {
        ExecCounter c = new ExecCounter();
        c.record("127.77.0.100", "pvecm status");
        c.record("127.77.0.100", "pvecm status");
        c.record("127.77.0.101", "pvecm status");
        c.record("127.77.0.100", "pveversion");

        assertThat(c.total()).isEqualTo(4);
        assertThat(c.repeats()).isEqualTo(1);
    }
}
