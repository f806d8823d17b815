package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import io.jenkins.plugins.nestedpve.sim.ssh.SshImpostor;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The impostor fault: another machine answers SSH on a guest's address; the agent still reaches the guest. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshImpostorTest {
    private Simulator sim;
    private GuestOps ops;
    private SshImpostor impostor;
    private PveMachine guest;
    private Map<String, String> templateKeys;

    @BeforeAll
    void start() throws Exception {
        sim = Simulator.builder().latencyScale(0.001).start();
        ops = new GuestOps(sim);
        impostor = sim.faults().sshImpostor(730);
        templateKeys = HostKeys.fingerprints(sim.vm(9000).orElseThrow().image().fs());
        guest = ops.boot(730, sim.staticAddresses().get(1));
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void itPresentsTheTemplatesKeyAndCollectsThePasswordOfAClientThatTrustsIt() throws Exception {
        AtomicReference<PublicKey> presented = new AtomicReference<>();
        SshClient client = SshClient.setUpDefaultClient();
        // what a client trusting on first use, or pinning the template's key, would accept
        client.setServerKeyVerifier((session, addr, key) -> {
            presented.set(key);
            return templateKeys.containsValue(HostKeys.fingerprint(key));
        });
        client.start();
        try (ClientSession s = client.connect("root", guest.ip(), sim.guestSshPort())
                .verify(Duration.ofSeconds(10))
                .getSession()) {
            s.addPasswordIdentity("template-pw");
            assertThatThrownBy(() -> s.auth().verify(Duration.ofSeconds(10))).isNotNull();
        } finally {
            client.stop();
        }

        assertThat(templateKeys).containsValue(HostKeys.fingerprint(presented.get()));
        assertThat(impostor.connections()).isPositive();
        assertThat(impostor.authAttempts()).contains("password root");
        assertThat(impostor.passwordsReceived()).contains("template-pw");
        assertThat(impostor.toString()).doesNotContain("template-pw");
    }

    @Test
    void theGuestAgentStillReachesTheRealGuest() throws Exception {
        var st = ops.exec(730, "cat /etc/hostname");
        assertThat(st.path("exitcode").asInt()).isZero();
        assertThat(st.path("out-data").asText())
                .isEqualTo(guest.fs().read("/etc/hostname").orElseThrow());
    }
}
