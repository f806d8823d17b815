package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The host's kvm_intel nesting switch decides what cpu=host guests see (pve-facts §6). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestingTest {
    private Simulator sim;

    @BeforeAll
    void start() {
        sim = Simulator.builder()
                .latencyScale(0.001)
                .sshPort(0)
                .hostNesting(false)
                .start();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private SshRun.Result onHost(String cmd) throws Exception {
        return SshRun.run(sim.host(), sim.hostSshPort(), sim.hostRootPassword(), cmd, "");
    }

    @Test
    void nestingOffHidesVmxFromCpuHostGuestsUntilTheModuleIsReloadedWithNestedY() throws Exception {
        assertThat(onHost("cat /sys/module/kvm_intel/parameters/nested").out()).isEqualTo("N\n");
        GuestOps ops = new GuestOps(sim);
        PveMachine before = ops.boot(1201, null);
        assertThat(before.hardware().flags()).doesNotContain(" vmx ");
        SshRun.Result enable = onHost(
                "qm stop 1201 && echo 'options kvm-intel nested=Y' > /etc/modprobe.d/kvm-intel.conf"
                        + " && modprobe -r kvm_intel && modprobe kvm_intel && cat /sys/module/kvm_intel/parameters/nested");
        assertThat(enable.out()).as(enable.err()).endsWith("Y\n");
        PveMachine after = ops.boot(1202, null);
        assertThat(after.hardware().flags()).contains(" vmx ");
        assertThat(after.fs().read("/sys/module/kvm_intel/parameters/nested")).contains("Y\n");
    }

    @Test
    void hostRebootLoadsKvmWithTheModprobeOptionsAndStopsItsVms() throws Exception {
        GuestOps ops = new GuestOps(sim);
        ops.boot(1203, null);
        java.time.Instant booted = sim.host().bootedAt();
        onHost("echo 'options kvm-intel nested=N' > /etc/modprobe.d/kvm-intel.conf");
        try {
            onHost("reboot");
        } catch (Exception e) {
            // the session may drop while the host goes down
        }
        sim.await(() -> sim.host().isUp() && sim.host().bootedAt().isAfter(booted), GuestOps.WAIT, "the host is back");
        assertThat(sim.host().fs().read("/sys/module/kvm_intel/parameters/nested"))
                .contains("N\n");
        assertThat(sim.vm(1203).orElseThrow().running()).isFalse();
        assertThat(SimClient.token(sim).get("/version").status()).isEqualTo(200);
    }
}
