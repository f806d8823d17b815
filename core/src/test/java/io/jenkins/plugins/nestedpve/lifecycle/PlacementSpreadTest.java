package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.ledger.LedgerEntry;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.pve.ClusterStatus;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.spec.Placement;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A 3-node nested cluster with {@code placement: spread} on a 3-node physical cluster whose template
 * lives on shared storage: one guest per physical node, a quorate cluster, and a teardown that
 * leaves nothing on any node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlacementSpreadTest {
    private SimLab lab;
    private Provisioning provisioning;
    private NestedCluster cluster;
    private Timeline events;

    @BeforeAll
    void provision() {
        lab = new SimLab(
                SimLab.simulator(0.002).physicalNodes(3).sharedStorage("ceph").start());
        events = new Timeline(lab.ctx.clock());
        provisioning =
                lab.engine.start(lab.spec(3).placement(Placement.spread()).build(), lab.token(), lab.guest(), events);
        cluster = provisioning.await();
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    private List<String> physicalNodesOfTheGuests() {
        return cluster.nodes().stream()
                .map(n -> lab.sim.vm(n.vmid()).orElseThrow().node())
                .toList();
    }

    @Test
    @Order(1)
    void spreadPutsOneGuestOnEachPhysicalNode() {
        assertThat(physicalNodesOfTheGuests()).containsExactlyInAnyOrder("pve", "pve2", "pve3");
        for (NestedNode n : cluster.nodes()) {
            SimVm vm = lab.sim.vm(n.vmid()).orElseThrow();
            assertThat(vm.running()).as(n.name()).isTrue();
            assertThat(vm.get("scsi0")).startsWith("ceph:base-9000-disk-0/vm-" + n.vmid());
        }
    }

    @Test
    @Order(1)
    void theLedgerRecordsEachGuestsPhysicalNode() {
        assertThat(lab.ledger.live(cluster.lease()))
                .extracting(LedgerEntry::hostNode)
                .containsExactlyInAnyOrder("pve", "pve2", "pve3");
    }

    @Test
    @Order(1)
    void theGuestsOnThreeNodesFormOneQuorateCluster() {
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
            assertThat(status.onlineNodes())
                    .containsExactlyInAnyOrderElementsOf(
                            cluster.nodes().stream().map(NestedNode::name).toList());
        }
    }

    @Test
    @Order(2)
    void teardownLeavesNothingOnAnyNode() {
        TeardownReport report = lab.engine.teardown(cluster, lab.token(), events);
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.count(TeardownReport.Result.DESTROYED)).isEqualTo(3);
        assertThat(lab.sim.allVms()).allMatch(SimVm::isTemplate);
        assertThat(lab.ledger.live(cluster.lease())).isEmpty();
    }
}
