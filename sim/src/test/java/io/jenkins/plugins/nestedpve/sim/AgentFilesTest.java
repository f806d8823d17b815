package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.UserDb;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Guest agent file-read, file-write and exec answers as qemu-server:src/PVE/API2/Qemu/Agent.pm builds
 * them (not wrapped in {@code result}), with QGA's error texts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentFilesTest {
    private Simulator sim;
    private GuestOps ops;
    private PveMachine guest;

    @BeforeAll
    void start() throws Exception {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        ops = new GuestOps(sim);
        guest = ops.boot(720, sim.staticAddresses().get(0));
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private String path(String cmd) {
        return "/nodes/" + sim.hostNode() + "/qemu/720/agent/" + cmd;
    }

    @Test
    void fileReadAnswersTheContentDecodedAndUnwrapped() {
        Response r = ops.api().get(path("file-read"), Map.of("file", "/etc/hostname"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().path("content").asText())
                .isEqualTo(guest.fs().read("/etc/hostname").orElseThrow());
        assertThat(r.data().path("bytes-read").asInt())
                .isEqualTo(r.data().path("content").asText().length());
        assertThat(r.data().has("result")).isFalse();
        assertThat(r.data().has("truncated")).isFalse();
    }

    @Test
    void fileReadWithoutDecodeAnswersBase64AndACountShortOfTheEndIsTruncated() {
        Response r = ops.api().get(path("file-read"), Map.of("file", "/etc/hostname", "decode", "0", "count", "3"));
        String first3 = guest.fs().read("/etc/hostname").orElseThrow().substring(0, 3);
        assertThat(new String(
                        Base64.getDecoder().decode(r.data().path("content").asText())))
                .isEqualTo(first3);
        assertThat(r.data().path("truncated").asInt()).isEqualTo(1);
    }

    @Test
    void fileReadOfAMissingFileIsQgasOpenError() {
        Response r = ops.api().get(path("file-read"), Map.of("file", "/etc/ssh/nope.pub"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason())
                .isEqualTo("Agent error: Failed to open file '/etc/ssh/nope.pub': No such file or directory");
    }

    @Test
    void fileWriteCreatesOrTruncatesAndAnswersNull() {
        guest.fs().write("/tmp/agent-note", "old old old\n");
        Response w = ops.api().postJson(path("file-write"), Map.of("file", "/tmp/agent-note", "content", "new\n"));
        assertThat(w.status()).as(w.toString()).isEqualTo(200);
        assertThat(w.data().isNull()).isTrue();
        assertThat(guest.fs().read("/tmp/agent-note")).contains("new\n");
    }

    @Test
    void fileWriteIntoAMissingDirectoryFailsAndItsContentNeverReachesTheRequestLog() {
        Response w = ops.api()
                .postJson(path("file-write"), Map.of("file", "/nonexistent/dir/f", "content", "s3cr3t-content"));
        assertThat(w.reason())
                .isEqualTo("Agent error: Failed to open file '/nonexistent/dir/f': No such file or directory");
        assertThat(sim.requestLog().entries().toString()).doesNotContain("s3cr3t-content");
    }

    @Test
    void execAnswersThePidUnwrapped() {
        Response r = ops.api().postJson(path("exec"), Map.of("command", List.of("true")));
        assertThat(r.data().path("pid").isInt()).as(r.toString()).isTrue();
    }

    @Test
    void fileReadOnPve9PassesWithFileReadAloneWhileExecNeedsUnrestricted() {
        UserDb users = sim.host().pmxcfs().users();
        users.addUser("reader@pve");
        String secret = users.addToken("reader@pve", "reader", false, 0, null);
        users.grant("/vms", "reader@pve", "PVEVMUser", true);
        SimClient reader = new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint())
                .withToken("reader@pve!reader", secret);

        assertThat(reader.get(path("file-read"), Map.of("file", "/etc/hostname"))
                        .status())
                .isEqualTo(200);
        assertThat(reader.postJson(path("exec"), Map.of("command", List.of("true")))
                        .reason())
                .isEqualTo("Permission check failed (/vms/720, VM.GuestAgent.Unrestricted)");
    }
}
