package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import org.junit.jupiter.api.Test;

/** The host form's drop-downs list System-scoped credentials only ({@link CredentialsListing#jenkins()}). */
class CredentialScopesTest {
    private final TestSecrets secrets = new TestSecrets();

    @Test
    void onlySystemScopedCredentialsAreListedInTheHostForm() {
        FakeCredentials.Base system = new FakeCredentials.Text("a", secrets.secret("x"));
        FakeCredentials.Base global =
                new FakeCredentials.Text("b", secrets.secret("x")).scoped(CredentialsScope.GLOBAL);
        FakeCredentials.Base user = new FakeCredentials.Text("c", secrets.secret("x")).scoped(CredentialsScope.USER);

        assertThat(CredentialScopes.SYSTEM_ONLY.matches(system)).isTrue();
        assertThat(CredentialScopes.SYSTEM_ONLY.matches(global)).isFalse();
        assertThat(CredentialScopes.SYSTEM_ONLY.matches(user)).isFalse();
    }
}
