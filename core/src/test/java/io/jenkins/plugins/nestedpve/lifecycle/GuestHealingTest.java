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
import io.jenkins.plugins.nestedpve.spec.ClusterSpecBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transient faults on the provisioning path are absorbed without a node replacement: a dropped SSH
 * connection during a guest read is run again on a new connection, a write whose answer was a 503 is
 * decided by the state it would change. Each test targets one request of a one-node cluster on an
 * empty simulator (its VMID is 80000).
 */
class GuestHealingTest {
    private static final String UNAVAILABLE = "Service Unavailable (simulated)\n";

    private SimLab lab;
    private NestedPveEngine engine;
    private Timeline timeline;

    @BeforeEach
    void start() {
        lab = new SimLab(SimLab.simulator(0.002).start());
        engine = new NestedPveEngine(lab.ctx);
        timeline = new Timeline(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private NestedCluster provision(UnaryOperator<ClusterSpecBuilder> spec, ProgressListener hook) {
        return engine.provision(
                spec.apply(lab.spec(1).timeouts(SimLab.TIMEOUTS.withBoot(Duration.ofSeconds(4))))
                        .build(),
                lab.token(),
                lab.guest(),
                ProgressListener.composite(timeline, hook));
    }

    private NestedCluster provision() {
        return provision(s -> s, ProgressListener.NOOP);
    }

    private Healing onlyHealing() {
        assertThat(timeline.healings()).hasSize(1);
        return timeline.healings().get(0);
    }

    private long requests(String method, String pathRegex) {
        return lab.sim.requestLog().entries().stream()
                .filter(e -> e.method().equals(method) && e.path().matches(".*" + pathRegex))
                .count();
    }

    private void tearDownAndCheckNothingLeft(NestedCluster cluster) {
        assertThat(engine.teardown(cluster, lab.token(), ProgressListener.NOOP).clean())
                .isTrue();
        assertThat(lab.guestVms()).isEmpty();
    }

    @Test
    void aDropDuringTheNestingCheckRunsTheReadAgainOnANewConnection() {
        PhaseHook drop =
                new PhaseHook(Phase.NESTING_CHECK, null, () -> lab.sim.faults().dropNextSsh(1));

        NestedCluster cluster = provision(s -> s, drop);

        assertThat(drop.fired()).isTrue();
        Healing h = onlyHealing();
        assertThat(h.action()).isEqualTo(Healing.Action.RETRIED);
        assertThat(h.phase()).isEqualTo(Phase.NESTING_CHECK);
        assertThat(h.detail()).contains("ran it again on a new connection");
        assertThat(cluster.firstNode().vmid()).as("not replaced").isEqualTo(80000);
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void a503OnTheConfigChangeBeforeItRanIsSentAgain() {
        lab.sim.faults().failApiCall("POST", "/qemu/80000/config$", 503, UNAVAILABLE, false);

        NestedCluster cluster = provision();

        Healing h = onlyHealing();
        assertThat(h.action()).isEqualTo(Healing.Action.RECONCILED);
        assertThat(h.phase()).isEqualTo(Phase.CONFIGURE);
        assertThat(h.detail()).contains("had not taken effect: sent again");
        assertThat(requests("POST", "/qemu/80000/config")).isEqualTo(2);
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void a503OnTheConfigChangeAfterItRanIsNotSentAgain() {
        lab.sim.faults().failApiCall("POST", "/qemu/80000/config$", 503, UNAVAILABLE, true);

        NestedCluster cluster = provision();

        assertThat(onlyHealing().detail()).contains("config change of VM 80000 had taken effect");
        assertThat(requests("POST", "/qemu/80000/config")).isEqualTo(1);
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void a503OnTheFirstContactAgentExecSendsTheReRunnableScriptAgain() {
        lab.sim.faults().failApiCall("POST", "/qemu/80000/agent/exec$", 503, UNAVAILABLE, false);

        NestedCluster cluster = provision();

        Healing h = onlyHealing();
        assertThat(h.action()).isEqualTo(Healing.Action.RETRIED);
        assertThat(h.phase()).isEqualTo(Phase.SSH);
        assertThat(cluster.firstNode().vmid()).as("not replaced").isEqualTo(80000);
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void a503OnTheCloneAfterItRanAdoptsTheClone() {
        lab.sim.faults().failApiCall("POST", "/clone$", 503, UNAVAILABLE, true);

        NestedCluster cluster = provision();

        Healing h = onlyHealing();
        assertThat(h.action()).isEqualTo(Healing.Action.RECONCILED);
        assertThat(h.phase()).isEqualTo(Phase.CLONE);
        assertThat(h.detail()).contains("the clone onto VMID 80000 had taken effect");
        assertThat(requests("POST", "/clone")).isEqualTo(1);
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void aFailedStopOfTheSmokeCheckVmIsDecidedByItsState() {
        PhaseHook failStop =
                new PhaseHook(Phase.SMOKE_CHECK, null, () -> lab.sim.faults().failNextTask("qmstop"));

        NestedCluster cluster = provision(s -> s, failStop);

        Healing h = onlyHealing();
        assertThat(h.phase()).isEqualTo(Phase.SMOKE_CHECK);
        assertThat(h.detail()).contains("inner stop of VM").contains("sent again");
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void theSpecsBudgetOverridesTheEnginesDefault() {
        lab.sim.faults().guestNeverBoots(80000);

        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class, () -> provision(s -> s.replacements(0), ProgressListener.NOOP));

        assertThat(e).isNotNull();
        assertThat(e.phase()).isEqualTo(Phase.ADDRESS);
        assertThat(timeline.healings()).isEmpty();
        assertThat(lab.guestVms()).isEmpty();
    }
}
