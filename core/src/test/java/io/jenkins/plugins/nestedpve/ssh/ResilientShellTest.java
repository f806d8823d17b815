package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a dropped connection: idempotent commands run again, state-changing ones are checked first. */
class ResilientShellTest {
    private static final Duration T = Duration.ofSeconds(10);

    @TempDir
    static Path root;

    static KeyPair hostKey;
    static FakeSshServer server;

    final List<String> events = new CopyOnWriteArrayList<>();
    int opened;
    ResilientShell shell;

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
    void shell() {
        ResilientShell.Observer observer = new ResilientShell.Observer() {
            @Override
            public void reran(String activity, String why) {
                events.add("reran " + activity);
            }

            @Override
            public void reconciled(String activity, boolean tookEffect, String why) {
                events.add("reconciled " + activity + (tookEffect ? ": had taken effect" : ": had not"));
            }
        };
        shell = new ResilientShell(null, this::open, 2, observer);
    }

    @AfterEach
    void close() {
        shell.close();
    }

    private SshSession open() {
        opened++;
        return SshSessionExecTest.connector(SshTimeouts.DEFAULTS)
                .connect(
                        server.target(),
                        SshAuth.password(FakeSshServer.PASSWORD),
                        HostKeyPolicy.pinned(List.of(FakeSshServer.fingerprint(hostKey))));
    }

    @Test
    void anIdempotentCommandRunsAgainOnANewConnectionAfterADrop() throws Exception {
        ExecResult r = shell.runIdempotent("flaky read-a 1", T);

        assertThat(r.stdout()).isEqualTo("ran read-a\n");
        assertThat(opened).isEqualTo(2);
        assertThat(events).containsExactly("reran `flaky`");
    }

    @Test
    void whoeverHoldsTheDroppedSessionGoesOnWithTheNewOne() throws Exception {
        SshSession first = shell.session();

        shell.runIdempotent("flaky read-d 1", T);

        assertThat(first.isOpen()).isTrue();
        assertThat(first.run("exit 0", T).ok()).isTrue();
        assertThat(opened).isEqualTo(2);
    }

    @Test
    void anIdempotentCommandGivesUpAfterItsReruns() {
        assertThatThrownBy(() -> shell.runIdempotent("flaky read-b 5", T)).isInstanceOf(SshDisconnectedException.class);
        assertThat(events).hasSize(2);
    }

    @Test
    void aPlainRunReportsTheDropAsAnUnknownOutcome() {
        assertThatThrownBy(() -> shell.run("flaky read-c 1", T)).isInstanceOf(SshDisconnectedException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void aChangeThatHadTakenEffectBeforeTheDropIsNotMadeAgain() throws Exception {
        ExecResult r = shell.runChanging(
                "apply-then-drop w-a", T, s -> s.run("applied w-a", T).ok());

        assertThat(r.ok()).isTrue();
        assertThat(server.count("applied w-a")).isEqualTo(1);
        assertThat(events).containsExactly("reconciled `apply-then-drop`: had taken effect");
    }

    @Test
    void aChangeThatHadNotTakenEffectIsMadeOnceMore() throws Exception {
        ExecResult r = shell.runChanging(
                "drop-then-apply w-b", T, s -> s.run("applied w-b", T).ok());

        assertThat(r.ok()).isTrue();
        assertThat(server.count("applied w-b")).isEqualTo(1);
        assertThat(events).containsExactly("reconciled `drop-then-apply`: had not");
    }

    @Test
    void theSessionIsReusedWhileItHolds() throws Exception {
        shell.runIdempotent("exit 0", T);
        shell.run("exit 0", T);
        assertThat(opened).isEqualTo(1);
    }
}
