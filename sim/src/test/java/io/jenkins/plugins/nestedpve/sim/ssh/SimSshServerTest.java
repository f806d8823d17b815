package io.jenkins.plugins.nestedpve.sim.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.sim.shell.FakeMachine;
import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import io.jenkins.plugins.nestedpve.sim.shell.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.shell.Shadow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimSshServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static KeyPair hostKey;
    private static KeyPair clientKey;
    private static KeyPair strangerKey;
    private static SshClient client;
    private static final List<String> seenFingerprints = new CopyOnWriteArrayList<>();

    private FakeMachine machine;
    private SimSshServer server;

    record Exec(Integer status, String out, String err) {}

    @BeforeAll
    static void keysAndClient() {
        Random random = new Random(7);
        hostKey = HostKeys.generate(HostKeys.Type.ED25519, 0, random);
        clientKey = HostKeys.generate(HostKeys.Type.ED25519, 0, random);
        strangerKey = HostKeys.generate(HostKeys.Type.ECDSA, 0, random);
        client = SshClient.setUpDefaultClient();
        // curve25519 as sshj negotiates it; MINA's default post-quantum hybrid costs ~1 s per handshake
        client.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(
                false, List.of(BuiltinDHFactories.curve25519), ClientBuilder.DH2KEX));
        // Tests pin nothing in advance; they assert afterwards which key the server presented.
        client.setServerKeyVerifier((session, address, key) -> seenFingerprints.add(HostKeys.fingerprint(key)));
        client.start();
    }

    @AfterAll
    static void stopClient() throws IOException {
        client.stop();
    }

    @BeforeEach
    void startServer() throws IOException {
        machine = new FakeMachine();
        machine.fs.write(MachineFiles.hostKey("ed25519"), HostKeys.privateKeyText(hostKey, "root@pve1"));
        Shadow.setPassword(machine.fs, "root", "s3cret", new Random(1), Clock.systemUTC());
        machine.fs.write(MachineFiles.ROOT_AUTHORIZED_KEYS, HostKeys.publicKeyLine(clientKey.getPublic(), "ci") + "\n");
        server = new SimSshServer(machine.shell, "127.0.0.1", 0).start();
        seenFingerprints.clear();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private ClientSession connect() throws IOException {
        return client.connect("root", "127.0.0.1", server.port())
                .verify(TIMEOUT)
                .getSession();
    }

    private ClientSession login() throws IOException {
        ClientSession session = connect();
        session.addPasswordIdentity("s3cret");
        session.auth().verify(TIMEOUT);
        return session;
    }

    private static Exec exec(ClientSession session, String command) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(TIMEOUT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            return new Exec(
                    channel.getExitStatus(),
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void execReturnsOutputErrorAndExitStatus() throws IOException {
        try (ClientSession session = login()) {
            Exec result = exec(session, "echo out; echo err >&2; exit 3");

            assertThat(result).isEqualTo(new Exec(3, "out\n", "err\n"));
        }
    }

    @Test
    void acceptedSessionsHaveTcpNoDelay() throws IOException {
        try (ClientSession session = login()) {
            exec(session, "true");

            assertThat(server.sessionsTcpNoDelay()).containsExactly(true);
        }
    }

    @Test
    void unknownProgramExitsWith127AndBashMessage() throws IOException {
        try (ClientSession session = login()) {
            Exec result = exec(session, "pvecmx status");

            assertThat(result).isEqualTo(new Exec(127, "", "bash: line 1: pvecmx: command not found\n"));
        }
    }

    @Test
    void wrongPasswordIsRefused() throws IOException {
        try (ClientSession session = connect()) {
            session.addPasswordIdentity("wrong");

            assertThatThrownBy(() -> session.auth().verify(TIMEOUT)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void authorizedKeyLogsIn() throws IOException {
        try (ClientSession session = connect()) {
            session.addPublicKeyIdentity(clientKey);
            session.auth().verify(TIMEOUT);

            assertThat(exec(session, "echo logged in").out()).isEqualTo("logged in\n");
        }
    }

    @Test
    void keyNotInAuthorizedKeysIsRefused() throws IOException {
        try (ClientSession session = connect()) {
            session.addPublicKeyIdentity(strangerKey);

            assertThatThrownBy(() -> session.auth().verify(TIMEOUT)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void presentsTheHostKeyFromTheFileSystem() throws IOException {
        try (ClientSession session = login()) {
            exec(session, "true");
        }

        assertThat(seenFingerprints).containsExactly(HostKeys.fingerprint(hostKey.getPublic()));
        assertThat(server.hostKeyFingerprints()).containsEntry("ed25519", HostKeys.fingerprint(hostKey.getPublic()));
    }

    @Test
    void newConnectionsSeeARegeneratedHostKey() throws IOException {
        try (ClientSession session = login()) {
            exec(
                    session,
                    "rm -f /etc/ssh/ssh_host_ed25519_key*; ssh-keygen -q -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key");
        }
        try (ClientSession session = login()) {
            exec(session, "true");
        }

        assertThat(seenFingerprints).hasSize(2).doesNotHaveDuplicates();
        assertThat(seenFingerprints.get(1))
                .isEqualTo(server.hostKeyFingerprints().get("ed25519"));
    }

    @Test
    void sftpUploadIsVisibleToTheShell() throws IOException {
        try (ClientSession session = login();
                SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            try (OutputStream out = sftp.write("/tmp/setup.sh")) {
                out.write("#!/bin/bash\necho uploaded $1\n".getBytes(StandardCharsets.UTF_8));
            }

            assertThat(exec(session, "bash /tmp/setup.sh ok").out()).isEqualTo("uploaded ok\n");
        }
    }

    @Test
    void sftpReadsAFileWrittenByTheShell() throws IOException {
        machine.fs.write("/etc/hostname", "pve1\n");
        try (ClientSession session = login();
                SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            byte[] content = sftp.read("/etc/hostname").readAllBytes();

            assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("pve1\n");
        }
    }

    @Test
    void sftpRelativePathsResolveInRootsHome() throws IOException {
        try (ClientSession session = login();
                SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            try (OutputStream out = sftp.write("notes.txt")) {
                out.write("hi".getBytes(StandardCharsets.UTF_8));
            }
        }

        assertThat(machine.fs.read("/root/notes.txt")).contains("hi");
    }

    @Test
    void dropAfterRunCutsTheSessionButTheCommandRan() throws IOException {
        server.setExecFaults(line -> line.startsWith("mkdir") ? ExecFault.DROP_AFTER_RUN : ExecFault.NONE);
        try (ClientSession session = login()) {
            Exec result = exec(session, "mkdir /tmp/marker");

            assertThat(result.status()).isNull();
            assertThat(session.waitFor(
                            EnumSet.of(org.apache.sshd.client.session.ClientSession.ClientSessionEvent.CLOSED),
                            TIMEOUT))
                    .contains(org.apache.sshd.client.session.ClientSession.ClientSessionEvent.CLOSED);
        }
        assertThat(machine.fs.exists("/tmp/marker")).isTrue();
    }

    @Test
    void dropBeforeRunCutsTheSessionAndNothingRuns() throws IOException {
        server.setExecFaults(line -> ExecFault.DROP_BEFORE_RUN);
        try (ClientSession session = login()) {
            Exec result = exec(session, "mkdir /tmp/marker");

            assertThat(result.status()).isNull();
        }
        assertThat(machine.fs.exists("/tmp/marker")).isFalse();
    }

    @Test
    void unavailableServerRefusesConnections() {
        server.setAvailable(false);

        assertThatThrownBy(this::connect).isInstanceOf(IOException.class);
    }

    @Test
    void becomesReachableAgainOnTheSamePort() throws IOException {
        int port = server.port();
        server.setAvailable(false);
        server.setAvailable(true);

        try (ClientSession session = login()) {
            assertThat(exec(session, "echo back").out()).isEqualTo("back\n");
        }
        assertThat(server.port()).isEqualTo(port);
    }

    /**
     * A machine whose {@code sleep} of an hour or more waits for {@code release} (and counts its interruption),
     * while shorter sleeps take their real time, as on a machine (the test itself never sleeps).
     */
    private static FakeMachine slowMachine(
            java.util.concurrent.CountDownLatch started,
            java.util.concurrent.CountDownLatch release,
            java.util.concurrent.CountDownLatch interrupted) {
        FakeMachine slow = new FakeMachine(Map.of(), duration -> {
            if (duration.compareTo(java.time.Duration.ofHours(1)) < 0) {
                REAL_TIME.sleep(duration); // the machine's own short sleeps (its polling loops) take their time
                return;
            }
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });
        slow.fs.write(MachineFiles.hostKey("ed25519"), HostKeys.privateKeyText(hostKey, "root@pve2"));
        Shadow.setPassword(slow.fs, "root", "s3cret", new Random(1), Clock.systemUTC());
        return slow;
    }

    /** How a simulated machine sleeps in real time (the shell's own sleeper). */
    private static final io.jenkins.plugins.nestedpve.sim.shell.Sleeper REAL_TIME =
            io.jenkins.plugins.nestedpve.sim.shell.Sleeper.scaled(1.0);

    private static ClientSession loginTo(SimSshServer server) throws IOException {
        ClientSession session = client.connect("root", "127.0.0.1", server.port())
                .verify(TIMEOUT)
                .getSession();
        session.addPasswordIdentity("s3cret");
        session.auth().verify(TIMEOUT);
        return session;
    }

    /** Starts {@code command} (which prints {@code $$} first) and returns its channel and the shell's pid. */
    private static Map.Entry<ChannelExec, String> startWithPid(ClientSession session, String command) throws Exception {
        java.io.PipedInputStream pipe = new java.io.PipedInputStream();
        ChannelExec channel = session.createExecChannel(command);
        channel.setOut(new java.io.PipedOutputStream(pipe));
        channel.open().verify(TIMEOUT);
        StringBuilder pid = new StringBuilder();
        int c;
        while ((c = pipe.read()) != '\n') {
            pid.append((char) c);
        }
        return Map.entry(channel, pid.toString());
    }

    @Test
    void closingTheChannelLeavesASilentCommandRunningAndKillEndsItsGroup() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
        FakeMachine slow = slowMachine(started, release, interrupted);
        try (SimSshServer slowServer = new SimSshServer(slow.shell, "127.0.0.1", 0).start();
                ClientSession session = loginTo(slowServer)) {
            Map.Entry<ChannelExec, String> run = startWithPid(session, "echo $$; sleep 3600; touch /tmp/never");
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            run.getKey().close(false);

            // as under sshd: the command outlives its channel (signal 0 finds its process group) ...
            assertThat(exec(session, "kill -0 -- -" + run.getValue())).isEqualTo(new Exec(0, "", ""));
            // ... until its process group is killed from another channel
            Exec kill = exec(session, "kill -KILL -- -" + run.getValue());
            assertThat(kill.status()).isZero();
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
            Exec gone = exec(
                    session,
                    "i=0; while [ $i -lt 100 ]; do kill -0 -- -" + run.getValue()
                            + " 2>/dev/null || exit 0; sleep 0.05; i=$((i + 1)); done; exit 1");
            assertThat(gone.status()).isZero();
            assertThat(exec(session, "kill -KILL -- -" + run.getValue()).err())
                    .isEqualTo("bash: kill: (" + run.getValue() + ") - No such process\n");
        }
        assertThat(slow.fs.exists("/tmp/never")).isFalse();
    }

    @Test
    void aCommandWhoseChannelClosedDiesAtItsNextWrite() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
        FakeMachine slow = slowMachine(started, release, interrupted);
        try (SimSshServer slowServer = new SimSshServer(slow.shell, "127.0.0.1", 0).start();
                ClientSession session = loginTo(slowServer)) {
            Map.Entry<ChannelExec, String> run =
                    startWithPid(session, "echo $$; sleep 3600; echo more; mkdir /tmp/after-the-write");
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            run.getKey().close(false);
            assertThat(exec(session, "kill -0 -- -" + run.getValue()).status()).isZero();

            release.countDown(); // the sleep ends; the next echo meets the closed pipe (SIGPIPE)

            Exec gone = exec(
                    session,
                    "i=0; while [ $i -lt 100 ]; do kill -0 -- -" + run.getValue()
                            + " 2>/dev/null || exit 0; sleep 0.05; i=$((i + 1)); done; exit 1");
            assertThat(gone.status()).isZero();
        }
        assertThat(slow.fs.exists("/tmp/after-the-write")).isFalse();
    }

    @Test
    void shellChannelKeepsStateBetweenLines() throws IOException {
        try (ClientSession session = login();
                org.apache.sshd.client.channel.ChannelShell shell = session.createShellChannel()) {
            shell.setUsePty(false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            shell.setOut(out);
            shell.setErr(new ByteArrayOutputStream());
            shell.setIn(new java.io.ByteArrayInputStream(
                    "cd /tmp\nX=7\necho $X $(pwd)\nexit 4\n".getBytes(StandardCharsets.UTF_8)));
            shell.open().verify(TIMEOUT);
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);

            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("7 /tmp\n");
            assertThat(shell.getExitStatus()).isEqualTo(4);
        }
    }

    @Test
    void disconnectAllCutsOpenSessions() throws IOException {
        try (ClientSession session = login()) {
            server.disconnectAll();

            assertThat(session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), TIMEOUT))
                    .contains(ClientSession.ClientSessionEvent.CLOSED);
        }
    }

    @Test
    void closeTwiceIsHarmless() throws IOException {
        server.close();
        server.close();

        assertThat(server.isAvailable()).isFalse();
    }
}
