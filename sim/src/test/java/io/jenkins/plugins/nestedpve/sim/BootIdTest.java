package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /proc/sys/kernel/random/boot_id}: a random UUID per boot, as the upgrade's reboot check reads it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootIdTest {
    private Simulator sim;
    private GuestOps ops;

    @BeforeAll
    void start() {
        sim = Simulator.builder()
                .latencyScale(0.001)
                .sshPort(0)
                .template(TemplateSpec.pve84())
                .start();
        ops = new GuestOps(sim);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private String bootId(PveMachine g) throws Exception {
        SshRun.Result r = SshRun.run(
                g, g.servers().sshPort(), sim.guestRootPassword(), "cat /proc/sys/kernel/random/boot_id", "");
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void theBootIdIsARandomUuidThatStaysWithinABootAndChangesAtTheNext() throws Exception {
        PveMachine g = ops.boot(631, null);
        String first = bootId(g);

        assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n");
        assertThat(bootId(g)).isEqualTo(first);

        UpgradeTest.rebootAndWait(sim, g);

        assertThat(bootId(g)).isNotEqualTo(first).matches("[0-9a-f-]{36}\n");
    }
}
