package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.host.NestingException;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.sim.CpuVendor;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The physical host's kvm module has nesting off: what each nesting policy makes of it. */
class HostNestingOffTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    static SimLab lab(CpuVendor vendor) {
        return new SimLab(
                SimLab.simulator(0.002).cpuVendor(vendor).hostNesting(false).start());
    }

    static ClusterSpec spec(SimLab lab, NestingPolicy policy) {
        return lab.spec(1).host(lab.hostWithSsh()).nesting(policy).build();
    }

    static NestingException requireFailsBeforeCloning(SimLab lab, Timeline events) {
        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class,
                () -> lab.engine.provision(spec(lab, NestingPolicy.REQUIRE), lab.tokenAndSsh(), lab.guest(), events));
        assertThat(e.phase()).isEqualTo(Phase.PREFLIGHT);
        assertThat(events.phases()).noneMatch(r -> r.phase() == Phase.CLONE);
        assertThat(lab.guestVms()).isEmpty();
        assertThat(e.getCause()).isInstanceOf(NestingException.class);
        return (NestingException) e.getCause();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Intel {
        private SimLab lab;

        @BeforeAll
        void start() {
            lab = lab(CpuVendor.INTEL);
        }

        @AfterAll
        void stop() {
            lab.close();
        }

        @Test
        @Order(1)
        void requireFailsBeforeCloningWithTheIntelRemediation() {
            NestingException e = requireFailsBeforeCloning(lab, new Timeline(lab.ctx.clock()));
            assertThat(e.getMessage())
                    .contains("/sys/module/kvm_intel/parameters/nested reads N")
                    .contains("echo \"options kvm-intel nested=Y\" >> /etc/modprobe.d/kvm-intel.conf")
                    .contains("modprobe -r kvm_intel && modprobe kvm_intel");
        }

        @Test
        @Order(2)
        void emulateYieldsAClusterMarkedEmulatedWhoseInnerVmRunsWithKvmOff() {
            Timeline events = new Timeline(lab.ctx.clock());
            NestedCluster cluster =
                    lab.engine.provision(spec(lab, NestingPolicy.EMULATE), lab.tokenAndSsh(), lab.guest(), events);
            try {
                assertThat(cluster.nesting()).isEqualTo(NestingMode.EMULATED);
                assertThat(cluster.environment()).containsEntry("NESTED_PVE_NESTING", "emulated");
                assertThat(events.messages())
                        .anySatisfy(m -> assertThat(m.text()).endsWith("(kvm: 0)"));
            } finally {
                lab.engine.teardown(cluster, lab.token(), events);
            }
            assertThat(lab.guestVms()).isEmpty();
        }

        @Test
        @Order(3)
        void enableRefusesToReloadTheModuleWhileAVmRuns() throws Exception {
            try (PveClient host = lab.hostClient()) {
                host.tasks()
                        .await(host.createVm(
                                lab.sim.hostNode(), Map.of("vmid", 70000, "name", "busy", "memory", 512, "start", 1)));
                try {
                    ProvisioningException e = catchThrowableOfType(
                            ProvisioningException.class,
                            () -> lab.engine.provision(
                                    spec(lab, NestingPolicy.ENABLE),
                                    lab.tokenAndSsh(),
                                    lab.guest(),
                                    ProgressListener.NOOP));
                    assertThat(e.phase()).isEqualTo(Phase.PREFLIGHT);
                    assertThat(e.getMessage())
                            .contains("1 VM is running on " + lab.sim.hostNode())
                            .contains("reboot");
                    assertThat(lab.sim.host().fs().read("/sys/module/kvm_intel/parameters/nested"))
                            .hasValueSatisfying(v -> assertThat(v.strip()).isEqualTo("N"));
                    assertThat(lab.guestVms()).extracting(v -> v.vmid()).containsExactly(70000);
                } finally {
                    host.tasks().await(host.stopVm(lab.sim.hostNode(), 70000));
                    host.tasks().await(host.deleteVm(lab.sim.hostNode(), 70000, true, true));
                }
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Amd {
        private SimLab lab;

        @BeforeAll
        void start() {
            lab = lab(CpuVendor.AMD);
        }

        @AfterAll
        void stop() {
            lab.close();
        }

        @Test
        @Order(1)
        void requireFailsBeforeCloningWithTheAmdRemediation() {
            NestingException e = requireFailsBeforeCloning(lab, new Timeline(lab.ctx.clock()));
            assertThat(e.getMessage())
                    .contains("/sys/module/kvm_amd/parameters/nested reads 0")
                    .contains("echo \"options kvm-amd nested=1\" >> /etc/modprobe.d/kvm-amd.conf")
                    .contains("modprobe -r kvm_amd && modprobe kvm_amd");
        }

        @Test
        @Order(2)
        void enableSwitchesNestingOnWhenTheHostIsIdleAndTheClusterGetsHardwareNesting() {
            Timeline events = new Timeline(lab.ctx.clock());
            NestedCluster cluster =
                    lab.engine.provision(spec(lab, NestingPolicy.ENABLE), lab.tokenAndSsh(), lab.guest(), events);
            try {
                assertThat(lab.sim.host().fs().read("/sys/module/kvm_amd/parameters/nested"))
                        .hasValueSatisfying(v -> assertThat(v.strip()).isEqualTo("1"));
                assertThat(events.messages())
                        .anySatisfy(m -> assertThat(m.text())
                                .contains("appended 'options kvm-amd nested=1' to /etc/modprobe.d/kvm-amd.conf"));
                assertThat(cluster.nesting()).isEqualTo(NestingMode.HARDWARE);
                assertThat(events.messages())
                        .anySatisfy(m -> assertThat(m.text()).endsWith("(kvm: 1)"));
            } finally {
                lab.engine.teardown(cluster, lab.token(), events);
            }
            assertThat(lab.guestVms()).isEmpty();
        }
    }
}
