package io.jenkins.plugins.nestedpve.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.spec.Addressing;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void secretNeverShowsItself() {
        Secret s = Secret.of("hunter2");
        assertThat(s).hasToString("****");
        assertThat(s.reveal()).isEqualTo("hunter2");
        assertThat(s).isEqualTo(Secret.of("hunter2")).isNotEqualTo(Secret.of("hunter3"));
    }

    @Test
    void hostCredentialsRedactEverySecret() {
        HostCredentials c = HostCredentials.apiToken("ci@pve!nested", Secret.of("0d5f-token-secret"))
                .sshKey("root", Secret.of("-----BEGIN OPENSSH PRIVATE KEY-----abc"), Secret.of("phrase"))
                .build();
        assertThat(c.toString()).contains("ci@pve!nested", "root").doesNotContain("token-secret", "PRIVATE", "phrase");
        assertThat(c.hasSsh()).isTrue();
    }

    @Test
    void guestCredentialsRedactEverySecret() {
        assertThat(GuestCredentials.password(Secret.of("tmpl-pw")).toString())
                .isEqualTo("GuestCredentials[templateRootPassword=****]");
        assertThat(GuestCredentials.privateKey(Secret.of("KEY"), null).toString())
                .doesNotContain("KEY");
    }

    @Test
    void rootPasswordsAreLongAlphanumericAndDistinct() {
        RootPasswords passwords = new RootPasswords();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String p = passwords.next().reveal();
            assertThat(p).hasSize(24).matches("[A-Za-z0-9]+");
            seen.add(p);
        }
        assertThat(seen).hasSize(50);
    }

    @Test
    void rootPasswordsFollowTheInjectedRandom() {
        assertThat(new RootPasswords(new Random(1)).next()).isEqualTo(new RootPasswords(new Random(1)).next());
    }

    @Test
    void sshHostKeyFingerprintsMatchSshKeygen() {
        // fingerprint as printed by `ssh-keygen -l -E sha256` for this key
        assertThat(SshHostKeys.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINAYfCBEpIvxPOaNydd4tLAfna0edtP7v3t19SwZ2RH2"
                        + " test\nnot a key\n"))
                .containsExactly(
                        new SshHostKeys.HostKey("ssh-ed25519", "SHA256:8kn1NQg/K2zpM0Ixqk6fuAETplTSdmYSOiok6u79ReU"));
        assertThat(SshHostKeys.fingerprint("@@@")).isEmpty();
    }

    @Test
    void staticPoolHandsOutAddressesInOrderSkippingTheGateway() {
        Addressing.StaticPool pool =
                Addressing.staticPool(java.util.List.of("10.0.0.0/30", "10.0.0.20-10.0.0.21"), 24, "10.0.0.1", null);
        assertThat(pool.addresses(3)).containsExactly("10.0.0.2", "10.0.0.20", "10.0.0.21");
        assertThat(pool.ipconfig("10.0.0.2")).isEqualTo("ip=10.0.0.2/24,gw=10.0.0.1");
    }
}
