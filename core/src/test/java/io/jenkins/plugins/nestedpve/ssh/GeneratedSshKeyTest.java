package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-cluster key: an authorized_keys line OpenSSH-style parsers accept, a login, no secret shown. */
class GeneratedSshKeyTest {
    @TempDir
    Path root;

    private final GeneratedSshKey key = GeneratedSshKey.generate();

    private static PublicKey parse(String line) throws Exception {
        return AuthorizedKeyEntry.parseAuthorizedKeyEntry(line).resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
    }

    @Test
    void publicLineIsAnAuthorizedKeysEntryWithTheSameFingerprint() throws Exception {
        String line = key.publicKeyLine("nested-pve@np-t1");

        assertThat(line).startsWith("ecdsa-sha2-nistp256 AAAA").endsWith(" nested-pve@np-t1");
        assertThat(KeyUtils.getFingerPrint(parse(line))).isEqualTo(key.fingerprint());
    }

    @Test
    void theKeyLogsInWhereItsPublicHalfIsAuthorized() throws Exception {
        KeyPair hostKey = TestKeys.ec256();
        try (FakeSshServer server = FakeSshServer.start(root, hostKey, parse(key.publicKeyLine("nested-pve@np-t1")))) {
            SshConnector connector = new SshConnector(SshTimeouts.DEFAULTS, Clock.systemUTC(), Sleeper.SYSTEM);
            HostKeyPolicy pinned = HostKeyPolicy.pinned(List.of(FakeSshServer.fingerprint(hostKey)));
            try (SshSession s = connector.connect(server.target(), key.auth(), pinned)) {
                assertThat(s.run("exit 0", Duration.ofSeconds(10)).ok()).isTrue();
            }
        }
    }

    @Test
    void everyClusterGetsItsOwnKey() {
        assertThat(GeneratedSshKey.generate().fingerprint()).isNotEqualTo(key.fingerprint());
    }

    @Test
    void neitherTheKeyNorItsLoginShowsThePrivateHalf() {
        KeyPair pair = ((SshAuth.GeneratedKey) key.auth()).pair();
        String privateText = pair.getPrivate().toString();

        assertThat(key.toString()).contains(key.fingerprint()).contains("private=<redacted>");
        assertThat(key.auth().toString()).isEqualTo("GeneratedKey[EC, private=<redacted>]");
        assertThat(key.toString() + key.auth()).doesNotContain(privateText);
    }

    @Test
    void aCommentThatCouldBreakTheLineIsRefused() {
        assertThatThrownBy(() -> key.publicKeyLine("x\nssh-rsa AAAA evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
