package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster forms while the guests come up: node 1 creates it as soon as it is identified and each
 * other node joins as soon as it is ready, one at a time; the result keeps the spec's node order.
 */
class PipelinedClusterTest {
    private static final long HOLD_SECONDS = 60;

    private SimLab lab;

    @BeforeEach
    void start() {
        lab = new SimLab(SimLab.simulator(0.002).start());
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    /**
     * Holds the last node before it looks for its address until node 2 has joined: without pipelining
     * the cluster would wait for the last node, and the hold would time out.
     */
    private static final class HoldLastNode implements ProgressListener {
        private final String second;
        private final String last;
        private final CountDownLatch joined = new CountDownLatch(1);
        private final List<String> events = new CopyOnWriteArrayList<>();
        private volatile boolean joinedWhileHeld;

        HoldLastNode(String second, String last) {
            this.second = second;
            this.last = last;
        }

        @Override
        public void phaseStarted(Phase phase, String node) {
            events.add("start " + phase.label() + " " + node);
            if (phase == Phase.ADDRESS && last.equals(node)) {
                try {
                    joinedWhileHeld = joined.await(HOLD_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void phaseFinished(Phase phase, String node, Duration duration, Outcome outcome) {
            events.add("end " + phase.label() + " " + node);
            if (phase == Phase.JOIN && second.equals(node) && outcome == Outcome.SUCCEEDED) {
                joined.countDown();
            }
        }
    }

    @Test
    void nodeOneCreatesTheClusterAndTheReadyNodesJoinWhileTheLastIsStillBooting() {
        ClusterSpec spec = lab.spec(3).build();
        String n2 = spec.nodeNames().get(1);
        String n3 = spec.nodeNames().get(2);
        HoldLastNode hold = new HoldLastNode(n2, n3);

        NestedCluster cluster = lab.engine.provision(spec, lab.token(), lab.guest(), hold);

        assertThat(hold.joinedWhileHeld)
                .as("node 1 created the cluster and node 2 joined before the last node had an address")
                .isTrue();
        assertThat(hold.events.indexOf("end cluster-create " + spec.nodeNames().get(0)))
                .isLessThan(hold.events.indexOf("end address " + n3));
        assertThat(cluster.nodes()).extracting(NestedNode::name).containsExactlyElementsOf(spec.nodeNames());
        assertThat(lab.engine
                        .teardown(cluster, lab.token(), ProgressListener.NOOP)
                        .clean())
                .isTrue();
    }

    /** Holds node 1 at the start of its clone for a while, giving node 2 every chance to clone first. */
    private static final class SlowNodeOne implements ProgressListener {
        private final String first;
        private final String second;
        private final CountDownLatch secondStarted = new CountDownLatch(1);
        private final List<String> events = new CopyOnWriteArrayList<>();

        SlowNodeOne(String first, String second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void phaseStarted(Phase phase, String node) {
            events.add("start " + phase.label() + " " + node);
            if (phase == Phase.CLONE && second.equals(node)) {
                secondStarted.countDown();
            }
            if (phase == Phase.CLONE && first.equals(node)) {
                try {
                    secondStarted.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void phaseFinished(Phase phase, String node, Duration duration, Outcome outcome) {
            events.add("end " + phase.label() + " " + node);
        }
    }

    @Test
    void theGuestsCloneInNodeOrderSoThatNodeOneIsReadyFirst() {
        ClusterSpec spec = lab.spec(2).build();
        String n1 = spec.nodeNames().get(0);
        String n2 = spec.nodeNames().get(1);
        SlowNodeOne slow = new SlowNodeOne(n1, n2);

        NestedCluster cluster = lab.engine.provision(spec, lab.token(), lab.guest(), slow);

        assertThat(slow.events.indexOf("end clone " + n1)).isLessThan(slow.events.indexOf("start clone " + n2));
        assertThat(cluster.nodes().get(0).vmid())
                .isLessThan(cluster.nodes().get(1).vmid());
        assertThat(lab.engine
                        .teardown(cluster, lab.token(), ProgressListener.NOOP)
                        .clean())
                .isTrue();
    }
}
