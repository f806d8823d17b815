package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.sim.CpuVendor;
import io.jenkins.plugins.nestedpve.sim.model.Hardware;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.Placement;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code pack}, a node list and refused placements on a 3-node physical cluster with shared storage
 * whose nodes have 16 GiB (pve), 128 GiB (pve2) and 64 GiB (pve3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacementChoicesTest {
    private static final long GIB = 1024L * 1024 * 1024;

    private SimLab lab;

    @BeforeAll
    void start() {
        lab = new SimLab(
                SimLab.simulator(0.002).physicalNodes(3).sharedStorage("ceph").start());
        lab.sim.physicalNode("pve").setHardware(new Hardware(CpuVendor.INTEL, true, 32, 16 * GIB));
        lab.sim.physicalNode("pve3").setHardware(new Hardware(CpuVendor.INTEL, true, 32, 64 * GIB));
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    private List<String> nodesOf(NestedCluster cluster) {
        return cluster.nodes().stream()
                .map(n -> lab.sim.vm(n.vmid()).orElseThrow().node())
                .toList();
    }

    private void tearDown(NestedCluster cluster) {
        TeardownReport report = lab.engine.teardown(cluster, lab.token(), ProgressListener.NOOP);
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(lab.sim.allVms()).allMatch(SimVm::isTemplate);
    }

    private List<SpecProblem> refused(ClusterSpec spec) {
        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class,
                () -> lab.engine.provision(spec, lab.token(), lab.guest(), ProgressListener.NOOP));
        assertThat(e.phase()).isEqualTo(Phase.VALIDATE);
        assertThat(lab.sim.allVms()).allMatch(SimVm::isTemplate);
        assertThat(lab.ledger.live()).isEmpty();
        return ((SpecValidationException) e.getCause()).problems();
    }

    @Test
    void packFillsTheNodeWithTheMostFreeMemoryFirst() {
        NestedCluster cluster = lab.engine.provision(
                lab.spec(2).placement(Placement.pack()).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        try {
            assertThat(nodesOf(cluster)).containsExactly("pve2", "pve2");
        } finally {
            tearDown(cluster);
        }
    }

    @Test
    void aNodeListIsUsedRoundRobinInItsOrder() {
        NestedCluster cluster = lab.engine.provision(
                lab.spec(3).placement(Placement.parse("pve3, pve")).build(),
                lab.token(),
                lab.guest(),
                ProgressListener.NOOP);
        try {
            assertThat(nodesOf(cluster)).containsExactly("pve3", "pve", "pve3");
        } finally {
            tearDown(cluster);
        }
    }

    @Test
    void anUnknownNodeFailsValidationBeforeAnythingIsCreated() {
        List<SpecProblem> problems =
                refused(lab.spec(2).placement(Placement.parse("pve2,pve9")).build());
        assertThat(problems)
                .extracting(SpecProblem::toString)
                .containsExactly("placement: node 'pve9' is not a node of this PVE cluster (nodes: pve, pve2, pve3)"
                        + " — list nodes as the PVE GUI shows them");
    }

    @Test
    void guestsThatDoNotFitTheListedNodesFailValidation() {
        List<SpecProblem> problems = refused(
                lab.spec(3).memoryMiB(8192).placement(Placement.parse("pve")).build());
        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.toString())
                        .startsWith("placement: 3 guests of 8.0 GiB do not fit with placement pve: node pve has no room"
                                + " left (free: pve 14.0 GiB)"));
    }
}
