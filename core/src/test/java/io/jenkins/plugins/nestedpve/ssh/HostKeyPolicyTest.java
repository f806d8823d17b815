package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The named host-key policies, over real connections to the in-process server. */
class HostKeyPolicyTest {
    @TempDir
    static Path root;

    static KeyPair hostKey;
    static KeyPair otherHostKey;
    static KeyPair rsaHostKey;
    static FakeSshServer server;

    final SshConnector connector = new SshConnector(SshTimeouts.DEFAULTS, Clock.systemUTC(), Sleeper.SYSTEM);

    @BeforeAll
    static void startServer() throws Exception {
        hostKey = TestKeys.ec256();
        otherHostKey = TestKeys.ec256();
        rsaHostKey = TestKeys.rsa2048();
        server = FakeSshServer.start(root, hostKey, TestKeys.ec256().getPublic());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @AfterEach
    void restoreHostKey() {
        server.hostKeys(hostKey);
    }

    SshSession connect(HostKeyPolicy policy) {
        return connector.connect(server.target(), SshAuth.password(FakeSshServer.PASSWORD), policy);
    }

    String hostPort() {
        return "127.0.0.1:" + server.port();
    }

    @Test
    void pinnedAcceptsTheMatchingKey() throws Exception {
        try (SshSession session = connect(HostKeyPolicy.pinned(List.of(FakeSshServer.fingerprint(hostKey))))) {
            assertThat(session.run("exit 0", Duration.ofSeconds(10)).ok()).isTrue();
        }
    }

    @Test
    void pinnedAcceptsAnyOfSeveralFingerprints() {
        List<String> pins = List.of(FakeSshServer.fingerprint(otherHostKey), FakeSshServer.fingerprint(hostKey));

        try (SshSession session = connect(HostKeyPolicy.pinned(pins))) {
            assertThat(session.hostKey().sha256()).isEqualTo(FakeSshServer.fingerprint(hostKey));
        }
    }

    @Test
    void pinnedRejectsAnotherKeyShowingExpectedAndActual() {
        String expected = FakeSshServer.fingerprint(otherHostKey);
        String actual = FakeSshServer.fingerprint(hostKey);

        assertThatThrownBy(() -> connect(HostKeyPolicy.pinned(List.of(expected))))
                .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> {
                    assertThat(e.policy()).isEqualTo("pinned");
                    assertThat(e.expected()).containsExactly(expected);
                    assertThat(e.actual()).isEqualTo(actual);
                })
                .hasMessageContaining("host key of " + hostPort() + " does not match the pinned fingerprint")
                .hasMessageContaining("expected " + expected + ", got " + actual + " (ecdsa-sha2-nistp256)");
    }

    @Test
    void rejectedHostKeyMeansNoCredentialIsSent() {
        int before = server.authAttempts();

        assertThatThrownBy(() -> connect(HostKeyPolicy.pinned(List.of(FakeSshServer.fingerprint(otherHostKey)))))
                .isInstanceOf(HostKeyRejectedException.class);

        assertThat(server.authAttempts()).isEqualTo(before);
    }

    @Test
    void fingerprintMatchesWhatOpenSshToolsPrint() {
        // MINA computes fingerprints independently, the OpenSSH way
        assertThat(HostKeyFingerprint.of(rsaHostKey.getPublic()).sha256())
                .isEqualTo(FakeSshServer.fingerprint(rsaHostKey));
        assertThat(HostKeyFingerprint.of(hostKey.getPublic()).sha256()).isEqualTo(FakeSshServer.fingerprint(hostKey));
    }

    @Test
    void pinnedRefusesMd5Fingerprints() {
        assertThatThrownBy(() -> HostKeyPolicy.pinned(List.of("16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an OpenSSH SHA-256 host key fingerprint")
                .hasMessageContaining("ssh-keygen -lf");
    }

    @Test
    void pinnedNeedsAtLeastOneFingerprint() {
        assertThatThrownBy(() -> HostKeyPolicy.pinned(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pinnedToleratesBase64Padding() {
        String fingerprint = FakeSshServer.fingerprint(hostKey);

        connect(HostKeyPolicy.pinned(List.of(" " + fingerprint + "= "))).close();
    }

    @Test
    void policiesHaveNames() {
        assertThat(HostKeyPolicy.pinned(List.of(FakeSshServer.fingerprint(hostKey)))
                        .name())
                .isEqualTo("pinned");
    }
}
