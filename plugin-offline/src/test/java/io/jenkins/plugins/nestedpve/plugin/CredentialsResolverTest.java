package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.AbortException;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialsResolverTest {
    static final String TOKEN_SECRET = "0123abcd-4567-89ab-cdef-0123456789ab";
    static final String KEY =
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";

    private final TestSecrets secrets = new TestSecrets();
    private final FakeCredentials store = new FakeCredentials();
    private final CredentialsResolver resolver = new CredentialsResolver(store, secrets);

    @Test
    void apiTokenIsParsedFromSecretText() throws Exception {
        store.add(new FakeCredentials.Text("pve-token", secrets.secret("ci@pve!jenkins=" + TOKEN_SECRET)));

        PveCredentials.ApiToken token = resolver.apiToken("pve-token", "the API token of PVE host 'lab'");

        assertThat(token.fullTokenId()).isEqualTo("ci@pve!jenkins");
        assertThat(token.secret()).isEqualTo(TOKEN_SECRET);
        assertThat(store.lookups).containsExactly("pve-token:StringCredentials");
    }

    @Test
    void missingCredentialSaysWhatToAddAndWhere() {
        assertThatThrownBy(() -> resolver.apiToken("pve-token", "the API token of PVE host 'lab'"))
                .isInstanceOf(AbortException.class)
                .hasMessage("No credentials with id 'pve-token' are visible for the API token of PVE host 'lab': add a"
                        + " \"Secret text\" credential with that id in Manage Jenkins » Credentials (System scope), or"
                        + " select another one.");
    }

    @Test
    void credentialOfTheWrongKindNamesBothKinds() {
        store.add(new FakeCredentials.UserPassword("pve-token", "ci", secrets.secret("pw")));

        assertThatThrownBy(() -> resolver.apiToken("pve-token", "the API token of PVE host 'lab'"))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining(
                        "are of the kind \"Username with password\", but a \"Secret text\" credential" + " is needed");
    }

    @Test
    void blankIdPointsToTheConfiguration() {
        assertThatThrownBy(() -> resolver.sshKey(" ", "SSH to PVE host 'lab'"))
                .hasMessage("No credentials are configured for SSH to PVE host 'lab': choose a \"SSH Username with"
                        + " private key\" credential in Manage Jenkins » System » Nested PVE.");
        assertThat(store.lookups).isEmpty();
    }

    @Test
    void malformedTokenIsRefusedWithoutShowingTheSecret() {
        store.add(new FakeCredentials.Text("pve-token", secrets.secret("ci@pve=" + TOKEN_SECRET)));

        assertThatThrownBy(() -> resolver.apiToken("pve-token", "the API token of PVE host 'lab'"))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith(
                        "Credentials 'pve-token' (the API token of PVE host 'lab') do not hold a PVE" + " API token")
                .hasMessageNotContaining(TOKEN_SECRET);
    }

    @Test
    void tokenWithANonUuidSecretIsRefusedWithoutShowingIt() {
        store.add(new FakeCredentials.Text("pve-token", secrets.secret("ci@pve!jenkins=hunter2-secret")));

        assertThatThrownBy(() -> resolver.apiToken("pve-token", "the API token"))
                .hasMessageNotContaining("hunter2-secret");
    }

    @Test
    void sshKeyWithPassphrase() throws Exception {
        store.add(new FakeCredentials.SshKey("host-ssh", "root", List.of(KEY), secrets.secret("open sesame")));

        SshKeyLogin login = resolver.sshKey("host-ssh", "SSH to PVE host 'lab'");

        assertThat(login.username()).isEqualTo("root");
        assertThat(login.auth()).isEqualTo(SshAuth.privateKey(KEY, "open sesame"));
    }

    @Test
    void sshKeyWithoutPassphrase() throws Exception {
        store.add(new FakeCredentials.SshKey("host-ssh", "admin", List.of(KEY), null));

        assertThat(resolver.sshKey("host-ssh", "SSH").auth()).isEqualTo(SshAuth.privateKey(KEY));
    }

    @Test
    void sshCredentialWithoutKeyIsRefused() {
        store.add(new FakeCredentials.SshKey("host-ssh", "root", List.of(), null));

        assertThatThrownBy(() -> resolver.sshKey("host-ssh", "SSH to PVE host 'lab'"))
                .hasMessageContaining("contain no private key");
    }

    @Test
    void aGlobalScopedTokenIsRefusedNamingTheIdAndTheScopeToChoose() {
        store.add(new FakeCredentials.Text("pve-token", secrets.secret("ci@pve!jenkins=" + TOKEN_SECRET))
                .scoped(CredentialsScope.GLOBAL));

        assertThatThrownBy(() -> resolver.apiToken("pve-token", "the API token of PVE host 'lab'"))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("Credentials 'pve-token' (the API token of PVE host 'lab') are Global-scoped,"
                        + " so any Pipeline author could read them with withCredentials")
                .hasMessageContaining("edit credential 'pve-token' and change its scope to System (Jenkins only)")
                .hasMessageNotContaining(TOKEN_SECRET);
    }

    @Test
    void aGlobalScopedSshKeyIsRefused() {
        store.add(new FakeCredentials.SshKey("k", "root", List.of(KEY), null).scoped(CredentialsScope.GLOBAL));

        assertThatThrownBy(() -> resolver.sshKey("k", "SSH to PVE host 'lab'"))
                .hasMessageContaining("Credentials 'k' (SSH to PVE host 'lab') are Global-scoped")
                .hasMessageContaining("change its scope to System (Jenkins only)");
    }

    @Test
    void resolvedValuesHideTheirSecretsInToString() throws Exception {
        store.add(new FakeCredentials.Text("t", secrets.secret("ci@pve!jenkins=" + TOKEN_SECRET)));
        store.add(new FakeCredentials.SshKey("k", "root", List.of(KEY), secrets.secret("open sesame")));

        String shown = resolver.apiToken("t", "x") + " " + resolver.sshKey("k", "x");

        assertThat(shown)
                .doesNotContain(TOKEN_SECRET)
                .doesNotContain("open sesame")
                .doesNotContain("OPENSSH PRIVATE KEY");
    }
}
