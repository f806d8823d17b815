package io.jenkins.plugins.nestedpve.sim;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs one command over real SSH as root with a password, the host key pinned to the machine's
 * current key fingerprints (no accept-all).
 */
final class SshRun {
    record Result(int exit, String out, String err) {}

    private SshRun() {}

    static Result run(PveMachine m, int port, String password, String command, String stdin) throws Exception {
        Map<String, String> pinned = HostKeys.fingerprints(m.fs());
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, addr, key) -> pinned.containsValue(HostKeys.fingerprint(key)));
        client.start();
        try (ClientSession s = client.connect("root", m.ip(), port)
                .verify(Duration.ofSeconds(30))
                .getSession()) {
            s.addPasswordIdentity(password);
            s.auth().verify(Duration.ofSeconds(30));
            try (ChannelExec ch = s.createExecChannel(command)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                ch.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
                ch.setOut(out);
                ch.setErr(err);
                ch.open().verify(Duration.ofSeconds(30));
                ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(30));
                Integer exit = ch.getExitStatus();
                return new Result(
                        exit == null ? -1 : exit,
                        out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8));
            }
        } finally {
            client.stop();
        }
    }
}
