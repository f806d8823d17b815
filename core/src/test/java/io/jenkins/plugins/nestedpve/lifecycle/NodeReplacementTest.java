package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.sim.shell.programs.Services;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A guest that fails to clone, boot, report an address or take its identity is destroyed and replaced
 * by a fresh clone under a new VMID, up to the budget, while the other guests go on. Each test starts
 * on an empty simulator, so VMIDs are handed out from 80000 upwards, lowest first.
 */
class NodeReplacementTest {
    private SimLab lab;
    private NestedPveEngine engine;
    private Timeline timeline;

    @BeforeEach
    void start() {
        lab = new SimLab(SimLab.simulator(0.002).start());
        EngineContext c = lab.ctx;
        engine = new NestedPveEngine(new EngineContext(
                c.clock(),
                c.sleeper(),
                c.threads(),
                c.ledger(),
                c.pveClients(),
                c.ssh(),
                c.installationId(),
                c.poll(),
                c.markerKey(),
                2));
        timeline = new Timeline(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private NestedCluster provision(int nodes, ProgressListener... more) {
        ProgressListener[] all = new ProgressListener[more.length + 1];
        all[0] = timeline;
        System.arraycopy(more, 0, all, 1, more.length);
        // a guest that never boots is given up on after 4 s (its boot takes some 80 ms here)
        return engine.provision(
                lab.spec(nodes)
                        .timeouts(SimLab.TIMEOUTS.withBoot(Duration.ofSeconds(4)))
                        .build(),
                lab.token(),
                lab.guest(),
                ProgressListener.composite(all));
    }

    private void tearDownAndCheckNothingLeft(NestedCluster cluster) {
        assertThat(engine.teardown(cluster, lab.token(), ProgressListener.NOOP).clean())
                .isTrue();
        assertThat(lab.guestVms()).isEmpty();
    }

    @Test
    void aFailedCloneTaskIsReplacedAndTheClusterComesUp() {
        lab.sim.faults().failNextTask("qmclone");

        NestedCluster cluster = provision(2);

        assertThat(cluster.nodes()).hasSize(2);
        assertThat(timeline.healings()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(Healing.Action.REPLACED);
            assertThat(h.phase()).isEqualTo(Phase.CLONE);
        });
        assertThat(timeline.healingSummary()).isEqualTo("1 node replaced");
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void aGuestThatNeverBootsIsDestroyedAndReplacedUnderANewVmid() {
        lab.sim.faults().guestNeverBoots(80000);

        NestedCluster cluster = provision(1);

        assertThat(cluster.firstNode().vmid()).isEqualTo(80001);
        assertThat(lab.sim.vm(80000)).as("the guest that never booted").isEmpty();
        assertThat(timeline.healings())
                .singleElement()
                .satisfies(h ->
                        assertThat(h.detail()).contains("VM 80000 destroyed").contains("replacement 1 of 2"));
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void aGuestWhoseAgentNeverAnswersIsReplaced() {
        lab.sim.faults().agentNeverUp(80000);

        NestedCluster cluster = provision(1);

        assertThat(cluster.firstNode().vmid()).isEqualTo(80001);
        assertThat(timeline.healings())
                .singleElement()
                .satisfies(h -> assertThat(h.phase()).isEqualTo(Phase.ADDRESS));
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    /** A drop during the identity script is healed by running it again (a replacement is not needed). */
    void aDropDuringIdentityIsHealedWithoutAReplacement() {
        PhaseHook dropDuringIdentity =
                new PhaseHook(Phase.IDENTITY, null, () -> lab.sim.faults().dropNextSsh(1));

        NestedCluster cluster = provision(1, dropDuringIdentity);

        assertThat(dropDuringIdentity.fired()).isTrue();
        assertThat(timeline.healings())
                .singleElement()
                .satisfies(h -> assertThat(h.phase()).isEqualTo(Phase.IDENTITY));
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void aGuestWhoseIdentityFailsIsReplaced() {
        // pve-cluster masked in the first clone: its identity script fails at "restart pve-cluster"
        PhaseHook mask = new PhaseHook(
                Phase.IDENTITY,
                null,
                () -> lab.sim.guests().stream()
                        .filter(m -> m.vm().map(vm -> vm.vmid() == 80000).orElse(false))
                        .forEach(m -> m.fs().write(Services.unitLink("pve-cluster"), Services.DEV_NULL)));

        NestedCluster cluster = provision(1, mask);

        assertThat(mask.fired()).isTrue();
        assertThat(timeline.healings()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(Healing.Action.REPLACED);
            assertThat(h.phase()).isEqualTo(Phase.IDENTITY);
            assertThat(h.detail()).contains("restart pve-cluster");
        });
        assertThat(cluster.firstNode().vmid()).isEqualTo(80001);
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void theBudgetBoundsReplacementsAndTheFailureLeavesNothing() {
        lab.sim.faults().guestNeverBoots(80000).guestNeverBoots(80001).guestNeverBoots(80002);

        ProvisioningException e = catchThrowableOfType(ProvisioningException.class, () -> provision(1));

        assertThat(e).isNotNull();
        assertThat(timeline.healings()).hasSize(2);
        assertThat(lab.guestVms()).isEmpty();
    }
}
