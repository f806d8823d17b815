package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SSH client against Debian's real OpenSSH server, started by the test on a loopback port. */
class OpenSshServerTest {
    @RegisterExtension
    static final OpenSshServerFixture SSHD = new OpenSshServerFixture();

    /**
     * The limit of commands that first print their pid, then outlive it: long enough for the pid line to
     * arrive on a loaded machine (at 1 s it sometimes did not, and the test had no pid to check).
     */
    static final Duration PID_THEN_TIMEOUT = Duration.ofSeconds(5);

    static final SshConnector connector = new SshConnector(SshTimeouts.DEFAULTS, Clock.systemUTC(), Sleeper.SYSTEM);
    /** One connection for the class, as the lifecycle keeps one per machine; tests that log in make their own. */
    static SshSession session;

    @BeforeAll
    static void connect() {
        session = connector.connect(SSHD.target(), SSHD.clientKey(), pinned());
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    static HostKeyPolicy pinned() {
        return HostKeyPolicy.pinned(List.of(SSHD.hostKeyFingerprint()));
    }

    static List<String> hostile() {
        return HostileStrings.all();
    }

    @Test
    void logsInWithTheClientKeyAndPinnedHostKey() throws Exception {
        ExecResult result = session.run("id -un", Duration.ofSeconds(10));

        assertThat(result.stdout().strip()).isEqualTo(SSHD.target().user());
        assertThat(session.hostKey().sha256()).isEqualTo(SSHD.hostKeyFingerprint());
        assertThat(session.hostKey().keyType()).isEqualTo("ssh-ed25519");
    }

    @Test
    void logsInWithAnEncryptedKeyAndItsPassphrase() throws Exception {
        try (SshSession encrypted = connector.connect(
                SSHD.target(), SSHD.encryptedClientKey(OpenSshServerFixture.KEY_PASSPHRASE), pinned())) {
            assertThat(encrypted.run("true", Duration.ofSeconds(10)).ok()).isTrue();
        }
    }

    @Test
    void wrongPassphraseIsReportedWithoutShowingIt() {
        String wrong = "not the passphrase";

        assertThatThrownBy(() -> connector.connect(SSHD.target(), SSHD.encryptedClientKey(wrong), pinned()))
                .isInstanceOf(SshAuthException.class)
                .hasMessageContaining("passphrase")
                .satisfies(e -> assertThat(SshConnectorTest.messagesOf(e))
                        .doesNotContain(wrong)
                        .doesNotContain(OpenSshServerFixture.KEY_PASSPHRASE));
    }

    @Test
    void refusesAKeyThatIsNotAuthorized() {
        assertThatThrownBy(() -> connector.connect(SSHD.target(), SSHD.strangerKey(), pinned()))
                .isInstanceOf(SshAuthException.class)
                .hasMessageContaining("by publickey was refused");
    }

    @Test
    void pinnedPolicyRefusesAnotherFingerprint() {
        String wrongPin = "SHA256:" + "x".repeat(43);

        assertThatThrownBy(() ->
                        connector.connect(SSHD.target(), SSHD.clientKey(), HostKeyPolicy.pinned(List.of(wrongPin))))
                .isInstanceOf(HostKeyRejectedException.class)
                .hasMessageContaining("expected " + wrongPin + ", got " + SSHD.hostKeyFingerprint() + " (ssh-ed25519)")
                .hasMessageContaining("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub");
    }

    @Test
    void reportsExitCodeStdoutAndStderr() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();

        ExecResult result =
                session.exec("echo out; echo err >&2; echo more; exit 3", Duration.ofSeconds(10), out::add, err::add);

        assertThat(result).isEqualTo(new ExecResult(3, "out\nmore\n", "err\n"));
        assertThat(out).containsExactly("out", "more");
        assertThat(err).containsExactly("err");
    }

    @Test
    void commandKilledBySignalExitsWith128PlusTheSignal() throws Exception {
        assertThat(session.run("kill -TERM $$", Duration.ofSeconds(10)).exitCode())
                .isEqualTo(143);
    }

    @Test
    void deadlineReturnsPromptlyAndTheSessionStaysUsable() throws Exception {
        long start = System.nanoTime();

        assertThatThrownBy(() -> session.run("sleep 8", Duration.ofSeconds(1)))
                .isInstanceOf(SshTimeoutException.class)
                .hasMessageContaining("`sleep` on " + SSHD.target().hostPort() + " did not finish within 1000 ms");

        // OpenSSH confirms a channel close only when the process ends; the client must not wait for it
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(session.run("true", Duration.ofSeconds(10)).ok()).isTrue();
    }

    @Test
    void timedOutCommandThatKeepsWritingEndsOnceItsChannelIsClosed() throws Exception {
        List<String> pid = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> session.exec(
                        "echo $$; while :; do echo tick; sleep 0.1; done",
                        PID_THEN_TIMEOUT,
                        line -> {
                            if (pid.isEmpty()) {
                                pid.add(line);
                            }
                        },
                        LineSink.DISCARD))
                .isInstanceOf(SshTimeoutException.class);

        // the remote shell polls for the process to end; the test itself never sleeps
        String gone = "for i in $(seq 100); do kill -0 " + ShellQuote.quote(pid.get(0))
                + " 2>/dev/null || exit 0; sleep 0.05; done; exit 1";
        assertThat(session.run(gone, Duration.ofSeconds(10)).exitCode())
                .as("writer gone")
                .isZero();
    }

    @Test
    void aTimedOutSilentCommandIsKilledWithItsChildren() throws Exception {
        List<String> pid = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() ->
                        session.exec("echo $$; sleep 300; echo never", PID_THEN_TIMEOUT, pid::add, LineSink.DISCARD))
                .isInstanceOf(SshTimeoutException.class)
                .hasMessageContaining("killed its processes");

        // OpenSSH refuses a root session's kill signal and leaves a silent command running when its channel
        // closes; the process group must be gone all the same (polled remotely, the test never sleeps)
        assertThat(groupGone(pid.get(0))).as("shell and sleep gone").isTrue();
    }

    @Test
    void anInterruptedCommandIsKilledWithItsChildren() throws Exception {
        List<String> pid = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                session.exec(
                        "echo $$; sleep 300",
                        Duration.ofSeconds(60),
                        line -> {
                            pid.add(line);
                            started.countDown();
                        },
                        LineSink.DISCARD);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        caller.start();
        assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        caller.interrupt();

        assertThat(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(groupGone(pid.get(0))).as("shell and sleep gone").isTrue();
    }

    @Test
    void closingTheSessionFromAnotherThreadKillsWhatRuns() throws Exception {
        SshSession other = connector.connect(SSHD.target(), SSHD.clientKey(), pinned());
        List<String> pid = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                other.exec(
                        "echo $$; sleep 300",
                        Duration.ofSeconds(60),
                        line -> {
                            pid.add(line);
                            started.countDown();
                        },
                        LineSink.DISCARD);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        caller.start();
        assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        other.close(); // what a stopped Pipeline step does from the thread that stops it

        // the caller ends at once: with the killed command's result, or with the dropped connection
        outcome.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(groupGone(pid.get(0))).as("shell and sleep gone").isTrue();
    }

    @Test
    void aBackgroundChildThatOutlivesTheShellIsKilledWithItsGroup() throws Exception {
        List<String> pid = new CopyOnWriteArrayList<>();

        // the shell exits at once, but the child keeps its output open: the command never "ends" for the client
        assertThatThrownBy(() -> session.exec(
                        "echo $$; (sleep 300; echo never) & true", PID_THEN_TIMEOUT, pid::add, LineSink.DISCARD))
                .isInstanceOf(SshTimeoutException.class);

        assertThat(groupGone(pid.get(0))).as("the background child gone").isTrue();
    }

    @Test
    void theProcessIdHeaderNeverReachesTheOutput() throws Exception {
        ExecResult r = session.run("echo to-err >&2; echo to-out", Duration.ofSeconds(10));

        assertThat(r.stderr()).isEqualTo("to-err\n");
        assertThat(r.stdout()).isEqualTo("to-out\n");
    }

    /** Whether no process of group {@code pgid} is left, asked remotely for up to 5 s. */
    private static boolean groupGone(String pgid) throws InterruptedException {
        String gone = "for i in $(seq 100); do kill -0 -- -" + ShellQuote.quote(pgid)
                + " 2>/dev/null || exit 0; sleep 0.05; done; exit 1";
        return session.run(gone, Duration.ofSeconds(10)).exitCode() == 0;
    }

    @Test
    void uploadsOverSftpAndReadsBack() throws Exception {
        String path = SSHD.dir().resolve("uploaded.conf").toString();
        String content = "key = 'value'\nüñí ✓\n";

        session.upload(content, path, 0600);

        ExecResult back = session.run(ShellQuote.command("cat", path), Duration.ofSeconds(10));
        ExecResult mode = session.run(ShellQuote.command("stat", "-c", "%a", path), Duration.ofSeconds(10));
        assertThat(back.stdout()).isEqualTo(content);
        assertThat(mode.stdout()).isEqualTo("600\n");
    }

    @Test
    void uploadReplacesAFileAndChangesItsMode() throws Exception {
        String path = SSHD.dir().resolve("replaced.txt").toString();
        Files.writeString(SSHD.dir().resolve("replaced.txt"), "old and longer content\n");

        session.upload("new\n", path, 0755);

        assertThat(Files.readString(SSHD.dir().resolve("replaced.txt"))).isEqualTo("new\n");
        assertThat(session.run(ShellQuote.command("stat", "-c", "%a", path), Duration.ofSeconds(10))
                        .stdout())
                .isEqualTo("755\n");
    }

    @Test
    void stdinReachesTheCommand() throws Exception {
        SensitiveCommand command =
                SensitiveCommand.of("cat", "cat (secret input)").withStdin("root:pä$$ w'd\n");

        ExecResult result = session.exec(command, Duration.ofSeconds(10), LineSink.DISCARD, LineSink.DISCARD);

        assertThat(result.stdout()).isEqualTo("root:pä$$ w'd\n");
    }

    @Test
    void hostileArgumentsRoundTripThroughTheRemoteShellOneCommandEach() throws Exception {
        // one exec for all strings keeps the class fast; NUL cannot occur in an argument, so it separates
        String script = hostile().stream()
                .map(arg -> ShellQuote.command("printf", "%s", arg) + "; printf '\\0'")
                .collect(Collectors.joining("; "));

        ExecResult result = session.run(script, Duration.ofSeconds(20));

        assertThat(result.exitCode()).isZero();
        assertThat(nulSeparated(result.stdout())).containsExactlyElementsOf(hostile());
    }

    @Test
    void hostileArgumentsStayOneArgumentEachInOneCommandLine() throws Exception {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(hostile());

        ExecResult result = session.run(ShellQuote.join(argv), Duration.ofSeconds(20));

        assertThat(nulSeparated(result.stdout())).containsExactlyElementsOf(hostile());
    }

    /** Splits output made of NUL-terminated fields. */
    static List<String> nulSeparated(String out) {
        assertThat(out).endsWith("\0");
        return Arrays.asList(out.substring(0, out.length() - 1).split("\0", -1));
    }
}
