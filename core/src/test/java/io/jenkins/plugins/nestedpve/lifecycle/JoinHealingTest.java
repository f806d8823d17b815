package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.sim.model.Corosync;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A join that fails is healed as the PVE docs describe: the failed node is destroyed, removed from the
 * cluster with {@code pvecm delnode} on node 1 and replaced by a fresh clone under a new VMID, which
 * joins; counted against the cluster's replacement budget (2 here). VMIDs are handed out from 80000.
 */
class JoinHealingTest {
    private SimLab lab;
    private NestedPveEngine engine;
    private Timeline timeline;
    private final List<String> messages = new CopyOnWriteArrayList<>();

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

    private ClusterSpec spec(int nodes) {
        // a join that never ends is given up on after 3 s (a join takes some 40 ms here)
        return lab.spec(nodes)
                .timeouts(SimLab.TIMEOUTS.withJoin(Duration.ofSeconds(3)))
                .build();
    }

    private NestedCluster provision(ClusterSpec spec) {
        ProgressListener heard = new ProgressListener() {
            @Override
            public void message(Level level, String text) {
                messages.add(text);
            }
        };
        return engine.provision(spec, lab.token(), lab.guest(), ProgressListener.composite(timeline, heard));
    }

    private PveMachine machine(NestedNode n) {
        return lab.sim.machine(n.address()).orElseThrow();
    }

    private void tearDownAndCheckNothingLeft(NestedCluster cluster) {
        assertThat(engine.teardown(cluster, lab.token(), ProgressListener.NOOP).clean())
                .isTrue();
        assertThat(lab.guestVms()).isEmpty();
    }

    @Test
    void aHalfFinishedJoinIsRemovedWithDelnodeOnNodeOneAndAFreshCloneJoinsInItsPlace() {
        ClusterSpec spec = spec(2);
        lab.sim.faults().stallNextJoins(1);

        NestedCluster cluster = provision(spec);

        assertThat(cluster.nodes()).extracting(NestedNode::name).containsExactlyElementsOf(spec.nodeNames());
        NestedNode second = cluster.nodes().get(1);
        assertThat(second.vmid()).as("a fresh clone under a new VMID").isEqualTo(80002);
        assertThat(lab.sim.vm(80001)).as("the half-joined guest").isEmpty();
        Corosync conf = machine(cluster.firstNode()).pmxcfs().corosync().orElseThrow();
        assertThat(conf.members()).extracting(Corosync.Member::name).containsExactlyElementsOf(spec.nodeNames());
        assertThat(conf.configVersion()).as("create, add, delnode, add").isEqualTo(4);
        assertThat(machine(cluster.firstNode()).cluster().view().quorate()).isTrue();
        assertThat(messages)
                .contains("removed the half-joined " + second.name() + " from the cluster on "
                        + cluster.firstNode().name() + " (pvecm delnode)");
        assertThat(timeline.healings()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(Healing.Action.REPLACED);
            assertThat(h.phase()).isEqualTo(Phase.JOIN);
            assertThat(h.node()).isEqualTo(second.name());
            assertThat(h.detail()).contains("VM 80001 destroyed");
        });
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void aDropDuringDelnodeRunsItAgainOnANewConnection() {
        ClusterSpec spec = spec(2);
        lab.sim.faults().stallNextJoins(1);
        // the first SSH command after the join of node 2 began is the delnode on node 1
        PhaseHook drop = new PhaseHook(
                Phase.JOIN, spec.nodeName(2), () -> lab.sim.faults().dropNextSsh(1));

        NestedCluster cluster =
                engine.provision(spec, lab.token(), lab.guest(), ProgressListener.composite(timeline, drop));

        assertThat(drop.fired()).isTrue();
        assertThat(cluster.nodes().get(1).vmid()).isEqualTo(80002);
        assertThat(timeline.healings())
                .extracting(Healing::action)
                .containsExactlyInAnyOrder(Healing.Action.REPLACED, Healing.Action.RETRIED);
        assertThat(machine(cluster.firstNode()).cluster().view().quorate()).isTrue();
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void aJoinTaskThatFailsBeforeTheClusterAddedTheNodeIsReplacedAndTheOthersJoinMeanwhile() {
        ClusterSpec spec = spec(3);
        lab.sim.faults().failNextTask("clusterjoin", "Check if node may join a cluster failed!");

        NestedCluster cluster = provision(spec);

        assertThat(cluster.nodes()).extracting(NestedNode::name).containsExactlyElementsOf(spec.nodeNames());
        Corosync conf = machine(cluster.firstNode()).pmxcfs().corosync().orElseThrow();
        assertThat(conf.members())
                .extracting(Corosync.Member::name)
                .containsExactlyInAnyOrderElementsOf(spec.nodeNames());
        assertThat(timeline.healings())
                .singleElement()
                .satisfies(h -> assertThat(h.phase()).isEqualTo(Phase.JOIN));
        String failed = timeline.healings().get(0).node();
        assertThat(messages)
                .contains(failed + " was not added to the cluster by its failed join; nothing to remove on "
                        + cluster.firstNode().name());
        assertThat(cluster.nodes()).extracting(NestedNode::vmid).contains(80003);
        tearDownAndCheckNothingLeft(cluster);
    }

    @Test
    void failedJoinsSpendTheReplacementBudgetAndThenTheFailureLeavesNothing() {
        lab.sim.faults().failNextTask("clusterjoin").failNextTask("clusterjoin").failNextTask("clusterjoin");

        ProvisioningException e = catchThrowableOfType(ProvisioningException.class, () -> provision(spec(2)));

        assertThat(e).isNotNull();
        assertThat(e.phase()).isEqualTo(Phase.JOIN);
        assertThat(timeline.healings()).hasSize(2);
        assertThat(lab.guestVms()).isEmpty();
    }

    @Test
    void anSshDropDuringTheIdentityReRunsTheScriptOnANewConnectionInsteadOfReplacingTheGuest() {
        PhaseHook dropDuringIdentity =
                new PhaseHook(Phase.IDENTITY, null, () -> lab.sim.faults().dropNextSsh(1));
        ClusterSpec spec = spec(1);

        NestedCluster cluster = engine.provision(
                spec, lab.token(), lab.guest(), ProgressListener.composite(timeline, dropDuringIdentity));

        assertThat(dropDuringIdentity.fired()).isTrue();
        assertThat(cluster.firstNode().vmid()).as("the same guest").isEqualTo(80000);
        assertThat(timeline.healings()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(Healing.Action.RETRIED);
            assertThat(h.phase()).isEqualTo(Phase.IDENTITY);
            assertThat(h.detail()).contains("ran it again on a new connection");
        });
        assertThat(machine(cluster.firstNode()).nodeName())
                .isEqualTo(cluster.firstNode().name());
        tearDownAndCheckNothingLeft(cluster);
    }
}
