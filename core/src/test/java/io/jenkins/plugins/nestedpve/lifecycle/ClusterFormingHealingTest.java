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
 * Forming the cluster after a transient fault: the create on node 1 is decided by node 1's cluster
 * status after a failed task, a join whose answer was lost by the joining node's clusterjoin task. A write
 * that did not happen is sent again, one that did is followed; the cluster forms, the decision is reported
 * as an absorbed fault and no node is replaced.
 */
class ClusterFormingHealingTest {
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
        PhaseHook fail =
                new PhaseHook(Phase.CLUSTER_CREATE, null, () -> lab.sim.faults().failNextTask("clustercreate"));

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

    private long joinsSent() {
        return lab.sim.requestLog().entries().stream()
                .filter(e -> e.method().equals("POST") && e.path().endsWith("/cluster/config/join"))
                .count();
    }

    private NestedCluster provisionWithJoinFault(boolean afterHandler) {
        PhaseHook fail = new PhaseHook(
                Phase.JOIN,
                null,
                () -> lab.sim
                        .faults()
                        .failApiCall("POST", "/cluster/config/join$", 503, "Service Unavailable\n", afterHandler));
        NestedCluster cluster = engine.provision(
                lab.spec(2).build(), lab.token(), lab.guest(), ProgressListener.composite(timeline, fail));
        assertThat(fail.fired()).isTrue();
        return cluster;
    }

    @Test
    void aJoinLostBeforeItRanIsSentAgain() {
        NestedCluster cluster = provisionWithJoinFault(false);

        assertThat(timeline.healings()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(Healing.Action.RECONCILED);
            assertThat(h.phase()).isEqualTo(Phase.JOIN);
            assertThat(h.detail()).contains("had not taken effect: sent again");
        });
        assertThat(joinsSent()).isEqualTo(2);
        assertThat(cluster.nodes()).hasSize(2);
        assertThat(engine.teardown(cluster, lab.token(), ProgressListener.NOOP).clean())
                .isTrue();
    }

    @Test
    void aJoinThatRanButWhoseAnswerWasLostIsFollowedNotSentAgain() {
        NestedCluster cluster = provisionWithJoinFault(true);

        assertThat(timeline.healings())
                .singleElement()
                .satisfies(h -> assertThat(h.detail()).contains("had taken effect"));
        assertThat(joinsSent()).isEqualTo(1);
        assertThat(cluster.nodes()).hasSize(2);
        assertThat(engine.teardown(cluster, lab.token(), ProgressListener.NOOP).clean())
                .isTrue();
    }

    @Test
    void aDropDuringTheJoinedNodesCertificateReadRunsItAgain() {
        PhaseHook drop = new PhaseHook(Phase.JOIN, null, () -> lab.sim.faults().dropNextSsh(1));

        NestedCluster cluster = engine.provision(
                lab.spec(2).build(), lab.token(), lab.guest(), ProgressListener.composite(timeline, drop));

        assertThat(drop.fired()).isTrue();
        assertThat(timeline.healings()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(Healing.Action.RETRIED);
            assertThat(h.phase()).isEqualTo(Phase.JOIN);
        });
        assertThat(cluster.nodes()).hasSize(2);
        assertThat(engine.teardown(cluster, lab.token(), ProgressListener.NOOP).clean())
                .isTrue();
    }
}
