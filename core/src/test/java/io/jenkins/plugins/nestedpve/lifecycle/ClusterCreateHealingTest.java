package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster create on node 1 is decided by node 1's cluster status after a failed task: a create that
 * did not happen is sent again and the cluster forms, reported as an absorbed fault; no node is replaced.
 */
class ClusterCreateHealingTest {
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

    @Test
    void aFailedCreateTaskIsSentAgainAndTheClusterForms() {
        PhaseHook fail = new PhaseHook(
                Phase.CLUSTER_CREATE, null, () -> lab.sim.faults().failNextTask("clustercreate"));

        NestedCluster cluster = engine.provision(
                lab.spec(2).build(), lab.token(), lab.guest(), ProgressListener.composite(timeline, fail));

        assertThat(fail.fired()).isTrue();
        assertThat(timeline.healings()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(Healing.Action.RECONCILED);
            assertThat(h.phase()).isEqualTo(Phase.CLUSTER_CREATE);
            assertThat(h.detail()).contains("had not taken effect: sent again");
        });
        assertThat(cluster.nodes()).hasSize(2);
        assertThat(engine.teardown(cluster, lab.token(), ProgressListener.NOOP).clean())
                .isTrue();
        assertThat(lab.guestVms()).isEmpty();
    }
}
