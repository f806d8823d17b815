package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    final KnownKeys known = new KnownKeys();
    final List<String> log = new CopyOnWriteArrayList<>();

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

    HostKeyPolicy acceptNew() {
        return HostKeyPolicy.acceptNewAndLog(known, log::add);
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
    void acceptNewLearnsAndLogsTheFirstKey() {
        String fingerprint = FakeSshServer.fingerprint(hostKey);

        try (SshSession session = connect(acceptNew())) {
            assertThat(session.hostKey().sha256()).isEqualTo(fingerprint);
        }

        assertThat(known.fingerprint("127.0.0.1", server.port())).contains(fingerprint);
        assertThat(log)
                .containsExactly(
                        "accepted new host key " + fingerprint + " for " + hostPort() + " (policy accept-new)");
    }

    @Test
    void acceptNewAcceptsTheSameKeyAgainWithoutLogging() {
        connect(acceptNew()).close();

        connect(acceptNew()).close();

        assertThat(log).hasSize(1);
    }

    @Test
    void acceptNewRejectsAChangedKey() {
        connect(acceptNew()).close();
        server.hostKeys(otherHostKey);

        assertThatThrownBy(() -> connect(acceptNew()))
                .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> {
                    assertThat(e.policy()).isEqualTo("accept-new");
                    assertThat(e.expected()).containsExactly(FakeSshServer.fingerprint(hostKey));
                    assertThat(e.actual()).isEqualTo(FakeSshServer.fingerprint(otherHostKey));
                })
                .hasMessageContaining("host key of " + hostPort() + " changed")
                .hasMessageContaining("KnownKeys.forget");
        assertThat(known.fingerprint("127.0.0.1", server.port())).contains(FakeSshServer.fingerprint(hostKey));
    }

    @Test
    void acceptNewRelearnsAfterForget() {
        connect(acceptNew()).close();
        server.hostKeys(otherHostKey);

        assertThat(known.forget("127.0.0.1", server.port())).isTrue();
        connect(acceptNew()).close();

        assertThat(known.fingerprint("127.0.0.1", server.port())).contains(FakeSshServer.fingerprint(otherHostKey));
        assertThat(log).hasSize(2).last().asString().contains(FakeSshServer.fingerprint(otherHostKey));
    }

    @Test
    void acceptNewAsksAgainForTheKeyTypeItLearned() {
        // the server offers ECDSA and RSA; the client would pick ECDSA unless told the RSA key is known
        server.hostKeys(hostKey, rsaHostKey);
        known.remember("127.0.0.1", server.port(), HostKeyFingerprint.of(rsaHostKey.getPublic()));

        try (SshSession session = connect(acceptNew())) {
            assertThat(session.hostKey().sha256()).isEqualTo(FakeSshServer.fingerprint(rsaHostKey));
            assertThat(session.hostKey().keyType()).isEqualTo("ssh-rsa");
        }
    }

    @Test
    void learnedFingerprintCanBePinnedLater() {
        connect(acceptNew()).close();
        String learned = known.fingerprint("127.0.0.1", server.port()).orElseThrow();

        connect(HostKeyPolicy.pinned(List.of(learned))).close();
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
        assertThat(acceptNew().name()).isEqualTo("accept-new");
    }
}
