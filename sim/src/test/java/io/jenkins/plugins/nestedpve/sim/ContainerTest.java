package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Containers inside a nested cluster: create, power, pct, restart migration (pve-facts §12). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerTest {
    static final String TEMPLATE = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst";
    private Simulator sim;
    private List<PveMachine> nodes;
    private SimClient api;

    @BeforeAll
    void start() throws Exception {
        sim = Simulator.builder().latencyScale(0.002).sshPort(0).start();
        nodes = NestedCluster.form(sim, 741, 40, "ct");
        api = NestedCluster.root(sim, nodes.get(0));
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private String create(int vmid, boolean start) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vmid", Integer.toString(vmid));
        p.put("ostemplate", TEMPLATE);
        p.put("rootfs", "local-lvm:2");
        p.put("net0", "name=eth0,bridge=vmbr0,ip=dhcp");
        p.put("start", start ? "1" : "0");
        Response r = api.post("/nodes/ct1/lxc", p);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().asText();
    }

    private String log(String node, String upid) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode l : api.get("/nodes/" + node + "/tasks/" + SimClient.enc(upid) + "/log", Map.of("limit", "0"))
                .data()) {
            sb.append(l.path("t").asText()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void createFromTheTemplateWarnsAboutNestingAndTheContainerRunsOnceStarted() throws Exception {
        String upid = create(200, false);
        assertThat(upid).contains(":vzcreate:200:");
        assertThat(sim.awaitTask(upid, GuestOps.WAIT)).isEqualTo("WARNINGS: 1");
        assertThat(log("ct1", upid))
                .contains("extracting archive '/var/lib/vz/template/cache/debian-12-standard_12.7-1_amd64.tar.zst'")
                .contains("WARN: Systemd 252 detected. You may need to enable nesting.");
        assertThat(api.get("/nodes/ct1/lxc/200/config").data().has("unprivileged"))
                .as("8.4 default")
                .isFalse();
        Response start = api.post("/nodes/ct1/lxc/200/status/start", Map.of());
        assertThat(sim.awaitTask(start.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        JsonNode st = api.get("/nodes/ct1/lxc/200/status/current").data();
        assertThat(st.path("status").asText()).isEqualTo("running");
        assertThat(st.path("type").asText()).isEqualTo("lxc");
        assertThat(st.has("qmpstatus")).isFalse();
        Response again = api.post("/nodes/ct1/lxc/200/status/start", Map.of());
        assertThat(again.status()).isEqualTo(500);
        assertThat(again.reason()).isEqualTo("CT 200 already running");
        PveMachine n1 = nodes.get(0);
        SshRun.Result pct = SshRun.run(
                n1, n1.servers().sshPort(), sim.guestRootPassword(), "pct list; pct exec 200 -- hostname", "");
        assertThat(pct.out())
                .startsWith("VMID       Status     Lock         Name")
                .contains("200        running")
                .endsWith("CT200\n");
    }

    @Test
    void theDefaultRootDiskOnLocalIsRefused() {
        Response r = api.post("/nodes/ct1/lxc", Map.of("vmid", "201", "ostemplate", TEMPLATE));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").path("storage").asText())
                .isEqualTo("storage 'local' does not support container directories");
    }

    @Test
    void stoppingAStoppedContainerFailsSynchronously() throws Exception {
        assertThat(sim.awaitTask(create(202, false), GuestOps.WAIT)).isEqualTo("WARNINGS: 1");
        Response r = api.post("/nodes/ct1/lxc/202/status/stop", Map.of());
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("CT 202 not running");
    }

    @Test
    void aRunningContainerMigratesOnlyInRestartModeAndRunsOnTheTargetAfterwards() throws Exception {
        assertThat(sim.awaitTask(create(203, true), GuestOps.WAIT)).isEqualTo("WARNINGS: 1");
        Response plain = api.post("/nodes/ct1/lxc/203/migrate", Map.of("target", "ct2"));
        assertThat(plain.reason()).isEqualTo("can't migrate running container without --online or --restart");
        Response r = api.post("/nodes/ct1/lxc/203/migrate", Map.of("target", "ct2", "restart", "1"));
        assertThat(r.data().asText()).contains(":vzmigrate:203:");
        assertThat(sim.awaitTask(r.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        assertThat(log("ct1", r.data().asText()))
                .contains("shutdown CT 203")
                .contains("start container on target node")
                .contains("migration finished successfully");
        assertThat(api.get("/nodes/ct2/lxc/203/status/current")
                        .data()
                        .path("status")
                        .asText())
                .isEqualTo("running");
        JsonNode res = api.get("/cluster/resources", Map.of("type", "vm")).data();
        boolean listed = false;
        for (JsonNode e : res) {
            listed |= e.path("id").asText().equals("lxc/203")
                    && e.path("node").asText().equals("ct2");
        }
        assertThat(listed).isTrue();
    }

    @Test
    void onlineMigrationOfARunningContainerFailsInTheTask() throws Exception {
        assertThat(sim.awaitTask(create(204, true), GuestOps.WAIT)).isEqualTo("WARNINGS: 1");
        Response r = api.post("/nodes/ct1/lxc/204/migrate", Map.of("target", "ct2", "online", "1", "restart", "1"));
        assertThat(sim.awaitTask(r.data().asText(), GuestOps.WAIT)).isEqualTo("migration aborted");
        assertThat(log("ct1", r.data().asText())).contains("lxc live migration is currently not implemented");
        assertThat(api.get("/nodes/ct1/lxc/204/status/current")
                        .data()
                        .path("status")
                        .asText())
                .isEqualTo("running");
    }
}
