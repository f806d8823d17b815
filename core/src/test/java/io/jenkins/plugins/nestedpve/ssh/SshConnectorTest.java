package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting, logging in, and waiting for a booting machine's SSH. */
class SshConnectorTest {
    @TempDir
    static Path root;

    static KeyPair hostKey;
    static KeyPair clientKey;
    static FakeSshServer server;

    final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
    final List<Duration> sleeps = new ArrayList<>();
    final AtomicReference<FakeSshServer> late = new AtomicReference<>();

    @BeforeAll
    static void startServer() throws Exception {
        hostKey = TestKeys.ec256();
        clientKey = TestKeys.ec256();
        server = FakeSshServer.start(root, hostKey, clientKey.getPublic());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @AfterEach
    void stopLateServer() throws Exception {
        if (late.get() != null) {
            late.get().close();
        }
    }

    static HostKeyPolicy pin() {
        return HostKeyPolicy.pinned(List.of(FakeSshServer.fingerprint(hostKey)));
    }

    /** A sleeper that advances the manual clock and runs {@code onSleep} with the number of sleeps so far. */
    SshConnector connector(java.util.function.IntConsumer onSleep) {
        Sleeper manual = clock.sleeper();
        Sleeper counting = d -> {
            sleeps.add(d);
            manual.sleep(d);
            onSleep.accept(sleeps.size());
        };
        SshTimeouts quick = SshTimeouts.DEFAULTS
                .withConnect(Duration.ofSeconds(2))
                .withRetryBackoff(new Backoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(2)));
        return new SshConnector(quick, Clock.systemUTC(), counting);
    }

    @Test
    void logsInWithAPassword() throws Exception {
        try (SshSession session =
                connector(n -> {}).connect(server.target(), SshAuth.password(FakeSshServer.PASSWORD), pin())) {
            assertThat(session.run("exit 0", Duration.ofSeconds(10)).ok()).isTrue();
        }
    }

    @Test
    void logsInWithAPrivateKey() throws Exception {
        SshAuth key = SshAuth.privateKey(TestKeys.pkcs8Pem(clientKey));

        try (SshSession session = connector(n -> {}).connect(server.target(), key, pin())) {
            assertThat(session.run("exit 0", Duration.ofSeconds(10)).ok()).isTrue();
        }
    }

    @Test
    void refusesAWrongKey() {
        SshAuth stranger = SshAuth.privateKey(TestKeys.pkcs8Pem(TestKeys.ec256()));

        assertThatThrownBy(() -> connector(n -> {}).connect(server.target(), stranger, pin()))
                .isInstanceOfSatisfying(SshAuthException.class, e -> {
                    assertThat(e.method()).isEqualTo("publickey");
                    assertThat(e.target()).isEqualTo("tester@127.0.0.1:" + server.port());
                })
                .hasMessageContaining("SSH login as tester on 127.0.0.1:" + server.port() + " by publickey was refused")
                .hasMessageContaining("authorized_keys");
    }

    @Test
    void refusedPasswordNeverAppearsInTheMessage() {
        String wrong = "Wr0ng-'$(id)'-pw";

        assertThatThrownBy(() -> connector(n -> {}).connect(server.target(), SshAuth.password(wrong), pin()))
                .isInstanceOf(SshAuthException.class)
                .hasMessageContaining("by password was refused")
                .satisfies(e -> assertThat(messagesOf(e)).doesNotContain(wrong));
    }

    @Test
    void unreadableKeyTextIsReportedWithoutQuotingIt() {
        String garbage = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----\n";

        assertThatThrownBy(() -> connector(n -> {}).connect(server.target(), SshAuth.privateKey(garbage), pin()))
                .isInstanceOf(SshAuthException.class)
                .hasMessageContaining("could not be read")
                .satisfies(e -> assertThat(messagesOf(e)).doesNotContain("c2VjcmV0LWtleS1tYXRlcmlhbA"));
    }

    @Test
    void retriesUntilTheServerComesUp() throws Exception {
        int port = freePort();
        SshTarget target = new SshTarget("127.0.0.1", port, FakeSshServer.USER);
        SshConnector connector = connector(n -> {
            if (n == 3) {
                late.set(startServerOn(port));
            }
        });

        try (SshSession session = connector.connectWithRetry(
                target,
                SshAuth.password(FakeSshServer.PASSWORD),
                pin(),
                Deadline.after(clock, Duration.ofMinutes(2)))) {
            assertThat(session.isOpen()).isTrue();
        }
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void givesUpAtTheDeadlineSayingWhatWasExpected() {
        int port = freePort();
        SshTarget target = new SshTarget("127.0.0.1", port, FakeSshServer.USER);

        assertThatThrownBy(() -> connector(n -> {})
                        .connectWithRetry(
                                target,
                                SshAuth.password(FakeSshServer.PASSWORD),
                                pin(),
                                Deadline.after(clock, Duration.ofSeconds(10))))
                .isInstanceOf(SshConnectException.class)
                .hasMessageStartingWith(
                        "SSH on 127.0.0.1:" + port + " should accept connections, but did not within 10 s")
                .hasMessageContaining(
                        "last attempt: cannot connect to SSH on 127.0.0.1:" + port + ": connection refused")
                .hasCauseInstanceOf(SshConnectException.class);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:10Z"));
    }

    @Test
    void doesNotRetryRefusedCredentials() {
        assertThatThrownBy(() -> connector(n -> {})
                        .connectWithRetry(
                                server.target(),
                                SshAuth.password("wrong"),
                                pin(),
                                Deadline.after(clock, Duration.ofMinutes(2))))
                .isInstanceOf(SshAuthException.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void doesNotRetryARejectedHostKey() {
        HostKeyPolicy otherPin = HostKeyPolicy.pinned(List.of(FakeSshServer.fingerprint(TestKeys.ec256())));

        assertThatThrownBy(() -> connector(n -> {})
                        .connectWithRetry(
                                server.target(),
                                SshAuth.password(FakeSshServer.PASSWORD),
                                otherPin,
                                Deadline.after(clock, Duration.ofMinutes(2))))
                .isInstanceOf(HostKeyRejectedException.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void silentServerTimesOutInsteadOfHangingForever() throws Exception {
        SshTimeouts tight = SshTimeouts.DEFAULTS
                .withSocketRead(Duration.ofMillis(1_200))
                .withProtocol(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            SshTarget target = new SshTarget("127.0.0.1", silent.getLocalPort(), "root");
            long start = System.nanoTime();

            assertThatThrownBy(() -> new SshConnector(tight, Clock.systemUTC(), Sleeper.SYSTEM)
                            .connect(target, SshAuth.password("x"), pin()))
                    .isInstanceOf(SshConnectException.class)
                    .hasMessageContaining("cannot connect to SSH on 127.0.0.1:" + silent.getLocalPort());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    static FakeSshServer startServerOn(int port) {
        try {
            return FakeSshServer.startOn(port, root, hostKey, clientKey.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message along the cause chain, for checking that no secret leaked anywhere. */
    static String messagesOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
