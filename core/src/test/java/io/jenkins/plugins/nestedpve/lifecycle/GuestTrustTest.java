package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import io.jenkins.plugins.nestedpve.sim.ssh.SshImpostor;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * First contact with a new guest (docs/security-guest-trust.md): its SSH is trusted only with the
 * host keys its agent read inside it through the host's pinned API, and no secret goes to anything
 * else answering on its address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestTrustTest {
    private SimLab lab;

    @BeforeAll
    void start() {
        lab = new SimLab(SimLab.simulator(0.002).start());
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @AfterEach
    void nothingOfOursIsLeft() {
        assertThat(lab.ourVms()).isEmpty();
    }

    @Test
    void anImpostorOnTheGuestsAddressFailsProvisioningBeforeAnySecretReachesIt() {
        // a co-tenant answering for the new guest's address, with the template's host keys
        List<SshImpostor> impostors = new ArrayList<>();
        for (int id = 82000; id <= 82009; id++) {
            impostors.add(lab.sim.faults().sshImpostor(id));
        }
        ClusterSpec spec = lab.spec(1).vmidRange(82000, 82009).build();

        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class, () -> lab.engine.provision(spec, lab.token(), ProgressListener.NOOP));

        assertThat(e).isNotNull();
        assertThat(e.phase()).isEqualTo(Phase.SSH);
        assertThat(e.getMessage())
                .contains("which is not one of the keys the guest agent read inside the guest")
                .contains("nothing was sent to it");
        assertThat(impostors.stream().mapToInt(SshImpostor::connections).sum())
                .as("the impostor was contacted")
                .isPositive();
        assertThat(impostors).allSatisfy(i -> {
            assertThat(i.authAttempts()).as("login attempts").isEmpty();
            assertThat(i.passwordsReceived()).as("passwords").isEmpty();
        });
    }

    @Test
    void theFirstSshPinsTheNewHostKeyTheAgentReadAndNeedsNoTemplateCredential() {
        ClusterSpec spec = lab.spec(1).build();
        NestedCluster cluster = lab.engine.provision(spec, lab.token(), ProgressListener.NOOP);
        try {
            NestedNode node = cluster.nodes().get(0);
            PveMachine guest = lab.sim.machine(node.address()).orElseThrow();
            Map<String, String> guestKeys = HostKeys.fingerprints(guest.fs());
            Map<String, String> templateKeys = HostKeys.fingerprints(
                    lab.sim.vm(lab.sim.template().vmid()).orElseThrow().image().fs());

            assertThat(guestKeys.values()).contains(node.sshHostKeyFingerprint());
            assertThat(templateKeys.values()).doesNotContain(node.sshHostKeyFingerprint());
            assertThat(guest.fs().read("/root/.ssh/authorized_keys").orElseThrow())
                    .contains("ecdsa-sha2-nistp256 ")
                    .contains("nested-pve@" + spec.clusterName());
        } finally {
            lab.engine.teardown(cluster, lab.token(), ProgressListener.NOOP);
        }
    }
}
