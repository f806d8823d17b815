package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.pve.ClusterStatus;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.pve.testsupport.SchemaAudit;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** One 3-node cluster on PVE 8.4 guests, provisioned once and examined; the last test tears it down. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeClusterTest {
    private static final Set<Phase> PER_NODE = EnumSet.of(
            Phase.CLONE, Phase.CONFIGURE, Phase.START, Phase.ADDRESS, Phase.SSH, Phase.IDENTITY, Phase.NESTING_CHECK);

    private SimLab lab;
    private Timeline events;
    private Provisioning provisioning;
    private NestedCluster cluster;

    @BeforeAll
    void provision() {
        lab = new SimLab(SimLab.simulator(0.002).start());
        events = new Timeline(lab.ctx.clock());
        provisioning = lab.engine.start(lab.spec(3).build(), lab.token(), lab.guest(), events);
        cluster = provisioning.await();
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    private PveMachine machine(NestedNode n) {
        return lab.sim.machine(n.address()).orElseThrow();
    }

    @Test
    @Order(1)
    void guestsHaveDistinctNamesAddressesVmidsAndKeys() {
        List<NestedNode> nodes = cluster.nodes();
        assertThat(nodes)
                .extracting(NestedNode::name)
                .containsExactly(provisioning.spec().nodeNames().toArray(String[]::new));
        assertThat(nodes).extracting(NestedNode::address).doesNotHaveDuplicates();
        assertThat(nodes).extracting(NestedNode::vmid).doesNotHaveDuplicates().allMatch(id -> id >= 80000);
        assertThat(nodes).extracting(NestedNode::apiFingerprint).doesNotHaveDuplicates();
        assertThat(nodes).extracting(NestedNode::sshHostKeyFingerprint).doesNotHaveDuplicates();
    }

    @Test
    @Order(1)
    void eachGuestRunsUnderItsNodeNameAndServesThePinnedCertificate() {
        for (NestedNode n : cluster.nodes()) {
            PveMachine m = machine(n);
            assertThat(m.nodeName()).isEqualTo(n.name());
            assertThat(m.servedCertificate().fingerprint()).isEqualTo(n.apiFingerprint());
            assertThat(m.version().release()).isEqualTo("8.4");
        }
        assertThat(cluster.pveVersion()).startsWith("8.4");
    }

    @Test
    @Order(1)
    void clusterIsQuorateWithAllNodesOnlineSeenThroughTheLastNodesApi() {
        NestedNode last = cluster.nodes().get(2);
        try (PveClient api = lab.ctx
                .pveClients()
                .connect(
                        last.address(),
                        last.apiPort(),
                        last.name(),
                        Fingerprint.parse(last.apiFingerprint()),
                        PveCredentials.rootTicket(provisioning.rootPassword().reveal()))) {
            ClusterStatus status = api.clusterStatus();
            assertThat(status.quorate()).isTrue();
            assertThat(status.clusterEntry().orElseThrow().name()).isEqualTo(cluster.name());
            assertThat(status.onlineNodes())
                    .containsExactlyInAnyOrderElementsOf(
                            cluster.nodes().stream().map(NestedNode::name).toList());
        }
    }

    @Test
    @Order(1)
    void hardwareNestingWasVerifiedInsideEveryGuest() {
        assertThat(cluster.nesting()).isEqualTo(NestingMode.HARDWARE);
        for (NestedNode n : cluster.nodes()) {
            assertThat(outcome(Phase.NESTING_CHECK, n.name())).isEqualTo(Outcome.SUCCEEDED);
            assertThat(events.messages())
                    .anySatisfy(m -> assertThat(m.text()).isEqualTo(n.name() + " nesting: hardware"));
            assertThat(machine(n).fs().exists("/dev/kvm")).isTrue();
        }
    }

    @Test
    @Order(1)
    void innerSmokeVmRanWithKvmOnTheFirstNode() {
        assertThat(outcome(Phase.SMOKE_CHECK, cluster.firstNode().name())).isEqualTo(Outcome.SUCCEEDED);
        assertThat(events.messages())
                .anySatisfy(m -> assertThat(m.text())
                        .startsWith("inner VM ")
                        .endsWith("on " + cluster.firstNode().name() + " (kvm: 1)"));
        assertThat(machine(cluster.firstNode()).localVms()).isEmpty();
    }

    @Test
    @Order(1)
    void everyPhaseReportedStartAndEndPerNodeWithTimings() {
        for (NestedNode n : cluster.nodes()) {
            for (Phase p : PER_NODE) {
                assertThat(outcome(p, n.name())).as(p + " " + n.name()).isEqualTo(Outcome.SUCCEEDED);
                assertThat(cluster.timings().get(p, n.name()))
                        .as(p + " " + n.name())
                        .isPresent();
            }
        }
        assertThat(outcome(Phase.JOIN, cluster.nodes().get(1).name())).isEqualTo(Outcome.SUCCEEDED);
        assertThat(outcome(Phase.JOIN, cluster.nodes().get(2).name())).isEqualTo(Outcome.SUCCEEDED);
        assertThat(outcome(Phase.CLUSTER_CREATE, cluster.firstNode().name())).isEqualTo(Outcome.SUCCEEDED);
        assertThat(outcome(Phase.QUORUM, null)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(outcome(Phase.READY, null)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(cluster.timings().get(Phase.VALIDATE, null)).isPresent();
    }

    @Test
    @Order(1)
    void everyGuestCarriesTheMarkerAndTagOfThisLease() {
        for (NestedNode n : cluster.nodes()) {
            SimVm vm = lab.sim.vm(n.vmid()).orElseThrow();
            OwnershipMarker m = OwnershipMarker.parse(vm.get("description")).orElseThrow();
            assertThat(m.isOwnedBy(lab.installation)).isTrue();
            assertThat(m.lease()).isEqualTo(cluster.lease());
            assertThat(m.node()).isEqualTo(n.name());
            assertThat(OwnershipMarker.hasTag(vm.get("tags"))).isTrue();
            assertThat(vm.get("cpu")).isEqualTo("host");
        }
        assertThat(lab.ledger.live(cluster.lease())).hasSize(3);
    }

    @Test
    @Order(2)
    void teardownLeavesZeroVmsAndClosesTheLedger() {
        TeardownReport report = lab.engine.teardown(cluster, lab.token(), events);
        assertThat(report.ok()).isTrue();
        assertThat(report.count(TeardownReport.Result.DESTROYED)).isEqualTo(3);
        assertThat(lab.guestVms()).isEmpty();
        assertThat(lab.ledger.live(cluster.lease())).isEmpty();
    }

    @Test
    @Order(3)
    void everyRequestTheEngineSentValidatesAgainstTheOfficialSchema() {
        String host = lab.sim.hostAddress() + ":";
        assertThat(SchemaAudit.violations(lab.sim, e -> e.server().startsWith(host) ? "9.1" : "8.4"))
                .isEmpty();
    }

    private Outcome outcome(Phase phase, String node) {
        return events.phases().stream()
                .filter(r -> r.phase() == phase && java.util.Objects.equals(r.node(), node))
                .map(Timeline.PhaseRecord::outcome)
                .reduce((a, b) -> b)
                .orElse(null);
    }
}
