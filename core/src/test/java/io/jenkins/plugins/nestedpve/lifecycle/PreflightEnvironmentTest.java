package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.preflight.EnvironmentChecks;
import io.jenkins.plugins.nestedpve.preflight.PreflightItem;
import io.jenkins.plugins.nestedpve.preflight.PreflightReport;
import io.jenkins.plugins.nestedpve.preflight.Verdict;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The preflight report's environment checks against a simulated host, as provisioning runs them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreflightEnvironmentTest {
    private static final int NO_CLOUD_INIT = 9100;

    private SimLab lab;

    @BeforeAll
    void start() throws InterruptedException {
        lab = new SimLab(SimLab.simulator(0.002).start());
        try (PveClient root = root()) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("vmid", NO_CLOUD_INIT);
            params.put("name", "no-cloud-init");
            params.put("memory", 2048);
            params.put("net0", "virtio,bridge=vmbr0");
            params.put("scsi0", "local-lvm:1");
            root.tasks().await(root.createVm(lab.sim.hostNode(), params));
            root.tasks().await(root.convertToTemplate(lab.sim.hostNode(), NO_CLOUD_INIT));
        }
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    private PveClient root() {
        return lab.ctx
                .pveClients()
                .connect(
                        lab.sim.hostAddress(),
                        lab.sim.apiPort(),
                        lab.sim.hostNode(),
                        Fingerprint.parse(lab.sim.fingerprint()),
                        PveCredentials.rootTicket(lab.sim.hostRootPassword()));
    }

    private PreflightReport report(ClusterSpec spec) {
        try (PveClient host = HostClients.open(lab.ctx.pveClients(), spec.host(), lab.token())) {
            return new EnvironmentChecks(host, spec, Set.of()).run().report();
        }
    }

    @Test
    void aReadyHostPassesEveryCheck() {
        PreflightReport report = report(lab.spec(2).build());

        assertThat(report.failures()).isEmpty();
        assertThat(report.items())
                .extracting(PreflightItem::check)
                .containsExactly(
                        "node", "template", "storage", "bridge", "memory", "cores", "room", "vmids", "privileges");
    }

    @Test
    void anUnknownNodeFailsAndLeavesTheOtherChecksUnchecked() {
        HostRef wrong = HostRef.of(lab.sim.apiUrl(), "pve-other", lab.sim.fingerprint());
        PreflightReport report = report(lab.spec(1).host(wrong).build());

        assertThat(report.failures())
                .singleElement()
                .satisfies(i -> assertThat(i.message()).startsWith("the host has no node 'pve-other' (nodes: "));
        assertThat(report.items()).filteredOn(i -> i.verdict() == Verdict.SKIP).hasSize(6);
    }

    @Test
    void staticAddressingWithATemplateWithoutCloudInitFailsBeforeAnythingIsCreated() {
        List<String> pool = lab.sim.staticAddresses().subList(0, 1);
        ClusterSpec spec = lab.spec(1)
                .templateVmid(NO_CLOUD_INIT)
                .addressing(Addressing.staticPool(pool, 24, lab.sim.hostAddress(), null))
                .build();

        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class,
                () -> lab.engine.provision(spec, lab.token(), lab.guest(), ProgressListener.NOOP));

        assertThat(e.phase()).isEqualTo(Phase.VALIDATE);
        assertThat(((SpecValidationException) e.getCause()).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.toString())
                        .isEqualTo("template: static addressing needs a cloud-init drive in template " + NO_CLOUD_INIT
                                + ", which has none — add one with 'qm set " + NO_CLOUD_INIT
                                + " --ide2 <storage>:cloudinit' or use DHCP addressing"));
        assertThat(lab.guestVms()).isEmpty();
    }
}
