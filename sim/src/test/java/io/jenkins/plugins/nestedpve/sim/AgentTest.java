package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.UserDb;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Guest agent errors in PVE's order and privileges per release (pve-facts §3.9, §8). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Simulator sim9;
    private Simulator sim8;

    @BeforeAll
    void start() {
        sim9 = Simulator.builder().latencyScale(0.001).ssh(false).start();
        sim8 = Simulator.builder()
                .latencyScale(0.001)
                .ssh(false)
                .hostVersion("8.4")
                .start();
    }

    @AfterAll
    void stop() {
        sim9.close();
        sim8.close();
    }

    private static String path(Simulator sim, int vmid, String cmd) {
        return "/nodes/" + sim.hostNode() + "/qemu/" + vmid + "/agent/" + cmd;
    }

    private static void cloneOf(Simulator sim, int newid) throws Exception {
        Response r = SimClient.token(sim)
                .post("/nodes/" + sim.hostNode() + "/qemu/9000/clone", Map.of("newid", Integer.toString(newid)));
        assertThat(sim.awaitTask(r.data().asText(), WAIT)).isEqualTo("OK");
    }

    /** A privsep token with PVEVMUser on /vms (no exec rights on 9.x, no VM.Monitor on 8.x). */
    private static SimClient vmUser(Simulator sim) {
        UserDb users = sim.host().pmxcfs().users();
        if (!users.hasUser("op@pve")) {
            users.addUser("op@pve");
        }
        String name = "t" + System.nanoTime();
        String secret = users.addToken("op@pve", name, true, 0, null);
        users.grant("/vms", "op@pve", "PVEVMUser", true);
        users.grant("/vms", "op@pve!" + name, "PVEVMUser", true);
        return new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint()).withToken("op@pve!" + name, secret);
    }

    @Test
    void vmWithoutAgentKeyReportsNoAgentConfigured() throws Exception {
        SimClient api = SimClient.token(sim9);
        Response c = api.post("/nodes/" + sim9.hostNode() + "/qemu", Map.of("vmid", "700", "memory", "512"));
        assertThat(sim9.awaitTask(c.data().asText(), WAIT)).isEqualTo("OK");
        Response r = api.post(path(sim9, 700, "ping"), Map.of());
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("No QEMU guest agent configured");
    }

    @Test
    void stoppedVmReportsNotRunning() throws Exception {
        cloneOf(sim9, 701);
        Response r = SimClient.token(sim9).post(path(sim9, 701, "ping"), Map.of());
        assertThat(r.reason()).isEqualTo("VM 701 is not running");
    }

    @Test
    void runningVmWhoseAgentNeverAnswersReportsAgentNotRunning() throws Exception {
        cloneOf(sim9, 702);
        sim9.faults().agentNeverUp(702);
        SimClient api = SimClient.token(sim9);
        Response s = api.post("/nodes/" + sim9.hostNode() + "/qemu/702/status/start", Map.of());
        assertThat(sim9.awaitTask(s.data().asText(), WAIT)).isEqualTo("OK");
        Response r = api.post(path(sim9, 702, "ping"), Map.of());
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("QEMU guest agent is not running");
    }

    @Test
    void agentExecOnPve9NeedsGuestAgentUnrestricted() throws Exception {
        cloneOf(sim9, 703);
        Response r = vmUser(sim9).postJson(path(sim9, 703, "exec"), Map.of("command", List.of("true")));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Permission check failed (/vms/703, VM.GuestAgent.Unrestricted)");
    }

    @Test
    void agentPingOnPve9PassesThePermissionCheckWithGuestAgentAudit() throws Exception {
        cloneOf(sim9, 704);
        Response r = vmUser(sim9).post(path(sim9, 704, "ping"), Map.of());
        assertThat(r.reason()).isEqualTo("VM 704 is not running");
    }

    @Test
    void agentPingOnPve8NeedsVmMonitor() throws Exception {
        cloneOf(sim8, 705);
        Response r = vmUser(sim8).post(path(sim8, 705, "ping"), Map.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Permission check failed (/vms/705, VM.Monitor)");
    }

    @Test
    void agentExecRunsInTheGuestShell() throws Exception {
        cloneOf(sim9, 706);
        GuestOps ops = new GuestOps(sim9);
        Response s = ops.api().post("/nodes/" + sim9.hostNode() + "/qemu/706/status/start", Map.of());
        assertThat(sim9.awaitTask(s.data().asText(), WAIT)).isEqualTo("OK");
        sim9.awaitGuest(706, WAIT);
        var st = ops.exec(706, "cat /etc/hostname; exit 3");
        assertThat(st.path("exitcode").asInt()).isEqualTo(3);
        assertThat(st.path("out-data").asText()).isEqualTo("pve84-tmpl\n");
    }

    @Test
    void agentExecInputDataNeverReachesTheRequestLog() throws Exception {
        cloneOf(sim9, 707);
        GuestOps ops = new GuestOps(sim9);
        Response s = ops.api().post("/nodes/" + sim9.hostNode() + "/qemu/707/status/start", Map.of());
        assertThat(sim9.awaitTask(s.data().asText(), WAIT)).isEqualTo("OK");
        sim9.awaitGuest(707, WAIT);
        Response r = ops.api()
                .postJson(
                        path(sim9, 707, "exec"),
                        Map.of("command", java.util.List.of("chpasswd"), "input-data", "root:s3cr3t-pw\n"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var logged = sim9.requestLog().entries().stream()
                .filter(e -> e.path().endsWith("/707/agent/exec"))
                .findFirst()
                .orElseThrow();
        assertThat(logged.params()).containsEntry("input-data", "**redacted**");
        assertThat(logged.toString()).doesNotContain("s3cr3t-pw");
    }

    @Test
    void aStaticAddressOutsideTheSimulatedLanStillGetsTheAgentWhichReportsIt() throws Exception {
        cloneOf(sim9, 708);
        SimClient api = SimClient.token(sim9);
        String node = sim9.hostNode();
        // TEST-NET-1: no socket can be bound there, but the agent talks over virtio-serial, not the network
        Map<String, String> cfg = Map.of("ipconfig0", "ip=192.0.2.50/24,gw=192.0.2.1");
        assertThat(api.put("/nodes/" + node + "/qemu/708/config", cfg).status()).isEqualTo(200);
        Response s = api.post("/nodes/" + node + "/qemu/708/status/start", Map.of());
        assertThat(sim9.awaitTask(s.data().asText(), WAIT)).isEqualTo("OK");

        sim9.await(() -> sim9.host().vms().require(708).agentUp(), WAIT, "the agent of VM 708");

        Response r = api.get(path(sim9, 708, "network-get-interfaces"), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().path("result").findValuesAsText("ip-address")).contains("192.0.2.50");
    }
}
