package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The host form's connection test against the simulated host, over real HTTPS with the pinned fingerprint. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PveConnectionTesterTest {
    private Simulator sim;
    private final TestSecrets secrets = new TestSecrets();
    private final FakeCredentials store = new FakeCredentials();

    @BeforeAll
    void start() {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        store.add(new FakeCredentials.Text("pve-token", secrets.secret(sim.tokenId() + "=" + sim.tokenSecret()))
                .scoped(CredentialsScope.SYSTEM));
        store.add(new FakeCredentials.Text("global-token", secrets.secret(sim.tokenId() + "=" + sim.tokenSecret()))
                .scoped(CredentialsScope.GLOBAL));
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private PveHostConfig host() {
        PveHostConfig h = new PveHostConfig("lab");
        h.setApiUrl(sim.apiUrl());
        h.setNode(sim.hostNode());
        h.setFingerprint(sim.fingerprint());
        h.setTokenCredentialsId("pve-token");
        return h;
    }

    private Validation test(PveHostConfig h) {
        return new PveConnectionTester(store, secrets).test(h);
    }

    @Test
    void reportsVersionTokenAndNode() {
        Validation v = test(host());

        assertThat(v.kind()).isEqualTo(Validation.Kind.OK);
        assertThat(v.message())
                .startsWith("Connected as " + sim.tokenId() + " to PVE ")
                .endsWith("node '" + sim.hostNode() + "' is online.");
    }

    @Test
    void aWrongNodeNameListsTheRealOnes() {
        PveHostConfig h = host();
        h.setNode("pve-other");

        Validation v = test(h);

        assertThat(v.isError()).isTrue();
        assertThat(v.message()).contains("the host has no node 'pve-other' (nodes: " + sim.hostNode() + ")");
    }

    @Test
    void anotherCertificateThanThePinnedOneIsRefused() {
        PveHostConfig h = host();
        h.setFingerprint("00:" + sim.fingerprint().substring(3));

        Validation v = test(h);

        assertThat(v.isError()).isTrue();
        assertThat(v.message()).containsIgnoringCase("fingerprint");
    }

    @Test
    void aMissingCredentialIsReportedWithoutConnecting() {
        PveHostConfig h = host();
        h.setTokenCredentialsId("nope");

        assertThat(test(h).message())
                .startsWith("No credentials with id 'nope' are visible for the API token of this host");
    }

    @Test
    void aSystemScopedTokenIsAcceptedWithoutWarning() {
        store.add(new FakeCredentials.Text("system-token", secrets.secret(sim.tokenId() + "=" + sim.tokenSecret()))
                .scoped(CredentialsScope.SYSTEM));
        PveHostConfig h = host();
        h.setTokenCredentialsId("system-token");

        Validation v = test(h);

        assertThat(v.kind()).isEqualTo(Validation.Kind.OK);
        assertThat(v.message()).startsWith("Connected as");
    }

    @Test
    void aGlobalScopedTokenFailsTheTestBeforeConnecting() {
        PveHostConfig h = host();
        h.setTokenCredentialsId("global-token");
        long before = sim.requestLog().total();

        Validation v = test(h);

        assertThat(v.isError()).isTrue();
        assertThat(v.message())
                .startsWith("Credentials 'global-token' (the API token of this host) are Global-scoped")
                .contains("withCredentials")
                .contains("change its scope to System (Jenkins only)")
                .doesNotContain(sim.tokenSecret());
        assertThat(sim.requestLog().total()).isEqualTo(before);
    }

    @Test
    void theTokenSecretNeverAppearsInTheAnswer() {
        PveHostConfig h = host();
        h.setNode("pve-other");

        assertThat(test(h).message() + test(host()).message()).doesNotContain(sim.tokenSecret());
    }
}
