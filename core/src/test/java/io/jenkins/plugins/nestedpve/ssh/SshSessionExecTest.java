package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Running commands over a real SSH connection to the in-process server. */
class SshSessionExecTest {
    static final Sleeper NO_SLEEP = d -> {
        throw new AssertionError("no waiting expected, asked for " + d);
    };

    @TempDir
    static Path root;

    static KeyPair hostKey;
    static FakeSshServer server;

    SshSession session;

    @BeforeAll
    static void startServer() throws Exception {
        hostKey = TestKeys.ec256();
        server = FakeSshServer.start(root, hostKey, TestKeys.ec256().getPublic());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void connect() {
        server.clearEvents();
        session = connector(SshTimeouts.DEFAULTS)
                .connect(server.target(), SshAuth.password(FakeSshServer.PASSWORD), pin());
    }

    @AfterEach
    void disconnect() {
        session.close();
    }

    static SshConnector connector(SshTimeouts timeouts) {
        return new SshConnector(timeouts, Clock.systemUTC(), NO_SLEEP);
    }

    static HostKeyPolicy pin() {
        return HostKeyPolicy.pinned(List.of(FakeSshServer.fingerprint(hostKey)));
    }

    @Test
    void streamsStdoutLinesInOrderAndCollectsThem() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();

        ExecResult result = session.exec("echo-lines 200", Duration.ofSeconds(10), lines::add, LineSink.DISCARD);

        List<String> expected =
                IntStream.rangeClosed(1, 200).mapToObj(i -> "line " + i).toList();
        assertThat(lines).containsExactlyElementsOf(expected);
        assertThat(result.stdout()).isEqualTo(expected.stream().collect(Collectors.joining("\n", "", "\n")));
        assertThat(result.exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 42, 255})
    void returnsTheExitCodeAsAResult(int code) throws Exception {
        ExecResult result = session.run("exit " + code, Duration.ofSeconds(10));

        assertThat(result.exitCode()).isEqualTo(code);
        assertThat(result.ok()).isEqualTo(code == 0);
    }

    @Test
    void separatesStdoutFromStderr() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();

        ExecResult result = session.exec("mixed", Duration.ofSeconds(10), out::add, err::add);

        assertThat(out).containsExactly("out 1", "out 2");
        assertThat(err).containsExactly("err 1");
        assertThat(result).isEqualTo(new ExecResult(5, "out 1\nout 2\n", "err 1\n"));
    }

    @Test
    void unknownCommandReports127AndItsStderr() throws Exception {
        ExecResult result = session.run("no-such-thing", Duration.ofSeconds(10));

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.tail(1)).isEqualTo("fake: no-such-thing: command not found");
    }

    @Test
    void decodesUtf8SplitAcrossPackets() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();

        session.exec("utf8", Duration.ofSeconds(10), lines::add, LineSink.DISCARD);

        assertThat(lines).containsExactly("grüße ✓ 日本");
    }

    @Test
    void sendsStdinThenEndOfFile() throws Exception {
        SensitiveCommand command =
                SensitiveCommand.of("read-stdin", "read-stdin").withStdin("root:pä$$\n");

        ExecResult result = session.exec(command, Duration.ofSeconds(10), LineSink.DISCARD, LineSink.DISCARD);

        assertThat(result.stdout()).isEqualTo("root:pä$$\n");
    }

    @Test
    void deliversALineWhileTheCommandIsStillRunning() throws Exception {
        // the command finishes only after the test saw its first line: no streaming, no finish
        LineSink releaseOnReady = line -> {
            if (line.equals("ready")) {
                server.release();
            }
        };

        ExecResult result = session.exec("wait-release", Duration.ofSeconds(20), releaseOnReady, LineSink.DISCARD);

        assertThat(result.stdout()).isEqualTo("ready\ndone\n");
    }

    @Test
    void deadlineKillsAHungCommandSoonAfterItPasses() throws Exception {
        long start = System.nanoTime();

        assertThatThrownBy(() -> session.exec("hang", Duration.ofMillis(300), LineSink.DISCARD, LineSink.DISCARD))
                .isInstanceOf(SshTimeoutException.class)
                .hasMessageContaining("`hang` on 127.0.0.1:" + server.port() + " did not finish within 300 ms")
                .hasMessageContaining("closed its channel");
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMs).isBetween(290L, 2_500L);
        assertThat(server.awaitEvent("killed hang", Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aShellWarningBeforeTheHeaderStaysInTheOutputAndTheCommandIsStillKilled() throws Exception {
        ExecResult r = session.run("warn-first", Duration.ofSeconds(10));
        assertThat(r.stderr()).isEqualTo("bash: warning: setlocale: LC_ALL: cannot change locale (xx_XX)\n");
        assertThat(r.stdout()).isEqualTo("ok\n");

        assertThatThrownBy(() -> session.run("warn-first-hang", Duration.ofMillis(300)))
                .isInstanceOf(SshTimeoutException.class);
        assertThat(server.awaitEvent("kill sent to warn-first-hang", Duration.ofSeconds(10)))
                .isTrue();
    }

    @Test
    void deadlineOnAStoppedClockStillEndsAHungCommandInRealTime() {
        ManualClock stopped = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
        Deadline deadline = Deadline.after(stopped, Duration.ofMillis(300));

        assertThatThrownBy(() -> session.exec("hang", deadline, LineSink.DISCARD, LineSink.DISCARD))
                .isInstanceOf(SshTimeoutException.class);
    }

    @Test
    void deadlineSendsKillSignalBeforeClosing() throws Exception {
        assertThatThrownBy(() -> session.run("hang", Duration.ofMillis(200))).isInstanceOf(SshTimeoutException.class);

        assertThat(server.awaitEvent("signal KILL hang", Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void sessionRunsTheNextCommandAfterATimeout() throws Exception {
        assertThatThrownBy(() -> session.run("hang", Duration.ofMillis(200))).isInstanceOf(SshTimeoutException.class);

        assertThat(session.run("exit 7", Duration.ofSeconds(10)).exitCode()).isEqualTo(7);
    }

    @Test
    void timeoutMessageShowsOnlyTheFirstWordOfACommand() {
        assertThatThrownBy(() -> session.run("hang --password 'Hunter2'", Duration.ofMillis(200)))
                .isInstanceOfSatisfying(
                        SshTimeoutException.class, e -> assertThat(e.command()).isEqualTo("hang"))
                .message()
                .doesNotContain("Hunter2")
                .doesNotContain("--password");
    }

    @Test
    void timeoutMessageShowsTheLabelOfASensitiveCommand() {
        SensitiveCommand secret = SensitiveCommand.of("hang 'Hunter2'", "set root password");

        assertThatThrownBy(() -> session.exec(secret, Duration.ofMillis(200), LineSink.DISCARD, LineSink.DISCARD))
                .isInstanceOf(SshTimeoutException.class)
                .hasMessageContaining("`set root password`")
                .message()
                .doesNotContain("Hunter2");
    }

    @Test
    void interruptKillsTheCommandAndClosesItsChannel() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                session.exec("hang", Duration.ofSeconds(30), line -> started.countDown(), LineSink.DISCARD);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        caller.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(server.awaitEvent("killed hang", Duration.ofSeconds(5))).isTrue();
        assertThat(session.run("exit 0", Duration.ofSeconds(10)).ok()).isTrue();
    }

    @Test
    void interruptBeforeTheChannelOpensIsAnInterruptNotAnSshFailure() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                session.exec("echo never", Duration.ofSeconds(10), LineSink.DISCARD, LineSink.DISCARD);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        caller.start();

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(session.run("exit 0", Duration.ofSeconds(10)).ok()).isTrue();
    }

    @Test
    void droppedConnectionDuringACommandIsReportedAsDisconnect() {
        assertThatThrownBy(() -> session.run("drop", Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SshDisconnectedException.class, e -> {
                    assertThat(e.hostPort()).isEqualTo("127.0.0.1:" + server.port());
                    assertThat(e.activity()).isEqualTo("`drop`");
                })
                .hasMessageContaining("dropped while running `drop`");
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void commandOnADroppedSessionFailsFast() {
        assertThatThrownBy(() -> session.run("drop", Duration.ofSeconds(10)))
                .isInstanceOf(SshDisconnectedException.class);

        assertThatThrownBy(() -> session.run("exit 0", Duration.ofSeconds(10)))
                .isInstanceOf(SshDisconnectedException.class)
                .hasMessageContaining("Open a new session");
    }

    @Test
    void failingSinkStopsTheCommandAndPropagates() throws Exception {
        LineSink broken = line -> {
            throw new IllegalStateException("log closed");
        };

        assertThatThrownBy(() -> session.exec("hang", Duration.ofSeconds(30), broken, LineSink.DISCARD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("log closed");
        assertThat(server.awaitEvent("killed hang", Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void keepAliveNoticesAPeerThatVanishedDuringALongCommand() throws Exception {
        SshTimeouts quickKeepAlive = SshTimeouts.DEFAULTS.withKeepAlive(Duration.ofSeconds(1), 1);
        CountDownLatch started = new CountDownLatch(1);
        try (BlackholeProxy proxy = new BlackholeProxy(new InetSocketAddress("127.0.0.1", server.port()));
                SshSession viaProxy = connector(quickKeepAlive)
                        .connect(
                                new SshTarget("127.0.0.1", proxy.port(), FakeSshServer.USER),
                                SshAuth.password(FakeSshServer.PASSWORD),
                                pin())) {
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    viaProxy.exec("hang", Duration.ofSeconds(60), line -> started.countDown(), LineSink.DISCARD);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            proxy.freeze();

            // noticed within a few keep-alive intervals, long before the command's 60 s deadline
            assertThat(outcome.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(SshDisconnectedException.class)
                    .hasMessageContaining("dropped while running `hang`")
                    .hasMessageContaining("keep-alive");
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        session.close();
        session.close();

        assertThat(session.isOpen()).isFalse();
        assertThat(session.toString()).endsWith("closed]");
    }

    @Test
    void commandOnAClosedSessionIsRefused() {
        session.close();

        assertThatThrownBy(() -> session.run("exit 0", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void sessionReportsTheAcceptedHostKey() {
        assertThat(session.hostKey().sha256()).isEqualTo(FakeSshServer.fingerprint(hostKey));
        assertThat(session.hostKey().keyType()).isEqualTo("ecdsa-sha2-nistp256");
    }
}
