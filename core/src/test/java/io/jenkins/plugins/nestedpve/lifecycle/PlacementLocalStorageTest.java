package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.Placement;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
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
 * A 3-node physical cluster without shared storage: the template {@code pve84-tmpl} on local-lvm of
 * pve (9000) and pve2 (10000), none on pve3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlacementLocalStorageTest {
    private SimLab lab;

    @BeforeAll
    void start() {
        lab = new SimLab(SimLab.simulator(0.002)
                .physicalNodes(3)
                .templatesOnEveryNode(true)
                .start());
        SimVm third = lab.sim.vm(11000).orElseThrow();
        lab.sim.host().pmxcfs().removeVm(third);
    }

    @AfterAll
    void stop() {
        lab.close();
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
    @Order(1)
    void aGuestOnAnotherNodeIsClonedFromThatNodesTemplateOfTheSameName() {
        NestedCluster cluster = lab.engine.provision(
                lab.spec(1).placement(Placement.parse("pve2")).build(),
                lab.token(),
                lab.guest(),
                ProgressListener.NOOP);
        SimVm vm = lab.sim.vm(cluster.firstNode().vmid()).orElseThrow();
        assertThat(vm.node()).isEqualTo("pve2");
        assertThat(vm.get("scsi0")).startsWith("local-lvm:base-10000-disk-0/");
        TeardownReport report = lab.engine.teardown(cluster, lab.token(), ProgressListener.NOOP);
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(lab.sim.allVms()).allMatch(SimVm::isTemplate);
    }

    @Test
    @Order(2)
    void aNodeWithoutTheTemplateOnLocalStorageFailsValidationNamingBothWaysOut() {
        List<SpecProblem> problems =
                refused(lab.spec(3).placement(Placement.spread()).build());
        assertThat(problems)
                .extracting(SpecProblem::toString)
                .containsExactly("placement: node 'pve3' cannot get a clone: the disks of template 9000 are on"
                        + " local-lvm, which is not shared storage (PVE refuses: can't clone VM to node 'pve3' (VM uses"
                        + " local storage)) — put the template on shared storage (Ceph RBD, NFS, ...), or create a"
                        + " template named 'pve84-tmpl' on pve3 too, or use placement: host");
    }

    @Test
    @Order(3)
    void anOfflineNodeFailsValidation() {
        lab.sim.physicalNode("pve3").powerOff();
        List<SpecProblem> problems =
                refused(lab.spec(2).placement(Placement.parse("pve2,pve3")).build());
        assertThat(problems)
                .extracting(SpecProblem::toString)
                .containsExactly("placement: node 'pve3' is offline — bring it back, or leave it out of placement");
    }
}
