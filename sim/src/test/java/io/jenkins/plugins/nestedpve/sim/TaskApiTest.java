package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Task status, log paging, visibility (pve-facts §2) and node renames (§1.6). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Simulator sim;
    private SimClient api;
    private String node;
    private String cloneUpid;

    @BeforeAll
    void start() throws Exception {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        api = SimClient.token(sim);
        node = sim.hostNode();
        cloneUpid = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", "1101"))
                .data()
                .asText();
        sim.awaitTask(cloneUpid, WAIT);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void stoppedTaskStatusSplitsUserAndToken() {
        var s = api.get("/nodes/" + node + "/tasks/" + SimClient.enc(cloneUpid) + "/status")
                .data();
        assertThat(s.path("status").asText()).isEqualTo("stopped");
        assertThat(s.path("exitstatus").asText()).isEqualTo("OK");
        assertThat(s.path("type").asText()).isEqualTo("qmclone");
        assertThat(s.path("id").asText()).isEqualTo("9000");
        assertThat(s.path("user").asText()).isEqualTo("ci@pve");
        assertThat(s.path("tokenid").asText()).isEqualTo("nested");
    }

    @Test
    void logIsPagedWithOneBasedLineNumbersAndTotal() {
        Response all = api.get("/nodes/" + node + "/tasks/" + SimClient.enc(cloneUpid) + "/log", Map.of("limit", "0"));
        int total = all.json().path("total").asInt();
        assertThat(all.data().get(total - 1).path("t").asText()).isEqualTo("TASK OK");
        Response page = api.get(
                "/nodes/" + node + "/tasks/" + SimClient.enc(cloneUpid) + "/log", Map.of("start", "1", "limit", "2"));
        assertThat(page.data()).hasSize(2);
        assertThat(page.data().get(0).path("n").asInt()).isEqualTo(2);
        assertThat(page.json().path("total").asInt()).isEqualTo(total);
    }

    @Test
    void garbageUpidIsA400NamingTheParameter() {
        Response r = api.get("/nodes/" + node + "/tasks/" + SimClient.enc("UPID:nope") + "/status");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").path("upid").asText()).isEqualTo("unable to parse worker upid");
    }

    @Test
    void anotherTokensTaskIsHiddenWithoutSysAudit() throws Exception {
        var users = sim.host().pmxcfs().users();
        users.addUser("other@pve");
        String secret = users.addToken("other@pve", "tok", false, 0, null);
        SimClient other =
                new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint()).withToken("other@pve!tok", secret);
        Response r = other.get("/nodes/" + node + "/tasks/" + SimClient.enc(cloneUpid) + "/status");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Permission check failed (/nodes/" + node + ", Sys.Audit)");
    }

    @Test
    void renamedGuestGetsItsNewNodeNameAndANewCertificateOnUpdatecertsAndPveproxyRestart() throws Exception {
        GuestOps ops = new GuestOps(sim);
        PveMachine g = ops.boot(1102, null);
        String before = g.servedCertificate().fingerprint();
        var st = ops.exec(1102, "hostnamectl set-hostname renamed && pvecm updatecerts && systemctl restart pveproxy");
        assertThat(st.path("exitcode").asInt()).isZero();
        assertThat(g.nodeName()).isEqualTo("renamed");
        assertThat(g.servedCertificate().fingerprint()).isNotEqualTo(before);
    }

    @Test
    void updatecertsAloneKeepsServingTheOldCertificateUntilPveproxyRestarts() throws Exception {
        GuestOps ops = new GuestOps(sim);
        PveMachine g = ops.boot(1103, null);
        String before = g.servedCertificate().fingerprint();
        var st = ops.exec(1103, "pvecm updatecerts --force");
        assertThat(st.path("exitcode").asInt()).isZero();
        // pveproxy loaded its certificate when it started (pve-manager:services/pveproxy.service)
        Response v = new SimClient(g.ip(), sim.apiPort(), before).get("/version");
        assertThat(v.status()).isEqualTo(401);
        String written = g.pmxcfs().nodeCert(g.nodeName()).orElseThrow().fingerprint();
        assertThat(written).isNotEqualTo(before);
        assertThat(ops.exec(1103, "systemctl restart pveproxy").path("exitcode").asInt())
                .isZero();
        sim.await(() -> GuestOps.accepts(g.ip(), sim.apiPort()), GuestOps.WAIT, "pveproxy is back");
        assertThat(new SimClient(g.ip(), sim.apiPort(), written).get("/version").status())
                .isEqualTo(401);
    }
}
