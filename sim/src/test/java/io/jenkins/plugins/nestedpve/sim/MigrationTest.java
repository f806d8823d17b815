package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** VM migration between the members of a nested cluster, through the nested nodes' own APIs (pve-facts §11). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationTest {
    private Simulator sim;
    private List<PveMachine> nodes;
    private SimClient api;

    @BeforeAll
    void start() throws Exception {
        sim = Simulator.builder()
                .latency(LatencyProfile.scaled(0.002).with(Step.REBOOT, Duration.ofSeconds(1000)))
                .sshPort(0)
                .start();
        nodes = NestedCluster.form(sim, 721, 30, "mg");
        api = NestedCluster.root(sim, nodes.get(0));
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    /** A small VM inside the nested cluster (kvm off, a local-lvm disk), started on mg1. */
    private void runningVm(int vmid) throws Exception {
        Response r = api.post(
                "/nodes/mg1/qemu",
                Map.of(
                        "vmid",
                        Integer.toString(vmid),
                        "memory",
                        "512",
                        "kvm",
                        "0",
                        "scsi0",
                        "local-lvm:4",
                        "start",
                        "1"));
        assertThat(sim.awaitTask(r.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
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
    void onlineMigrationWithLocalDisksKeepsTheVmRunningAndMovesItsConfigToTheTarget() throws Exception {
        runningVm(160);
        Response r = api.post(
                "/nodes/mg1/qemu/160/migrate", Map.of("target", "mg2", "online", "1", "with-local-disks", "1"));
        String upid = r.data().asText();
        assertThat(upid).startsWith("UPID:mg1:").contains(":qmigrate:160:");
        assertThat(sim.awaitTask(upid, GuestOps.WAIT)).isEqualTo("OK");
        assertThat(log("mg1", upid))
                .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d starting migration of VM 160 to node 'mg2'")
                .contains("found local disk 'local-lvm:vm-160-disk-0' (attached)")
                .contains("average migration speed: 682.7 MiB/s - downtime 54 ms")
                .contains("drive-scsi0: Completed successfully.");
        JsonNode st = api.get("/nodes/mg2/qemu/160/status/current").data();
        assertThat(st.path("status").asText()).isEqualTo("running");
        assertThat(st.has("lock")).isFalse();
        Response gone = api.get("/nodes/mg1/qemu/160/status/current");
        assertThat(gone.status()).isEqualTo(500);
        assertThat(gone.reason()).isEqualTo("Configuration file 'nodes/mg1/qemu-server/160.conf' does not exist");
    }

    @Test
    void runningVmWithoutOnlineIsRefusedSynchronously() throws Exception {
        runningVm(161);
        Response r = api.post("/nodes/mg1/qemu/161/migrate", Map.of("target", "mg2"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("can't migrate running VM without --online");
    }

    @Test
    void targetChecksComeFirstInQemuServersOrder() throws Exception {
        Response local = api.post("/nodes/mg1/qemu/99999/migrate", Map.of("target", "mg1"));
        assertThat(local.status()).isEqualTo(400);
        assertThat(local.json().path("errors").path("target").asText()).isEqualTo("target is local node.");
        Response unknown = api.post("/nodes/mg1/qemu/99999/migrate", Map.of("target", "nope"));
        assertThat(unknown.reason()).isEqualTo("no such cluster node 'nope'");
    }

    @Test
    void liveMigrationOfALocalDiskWithoutTheFlagFailsOnlyInTheTask() throws Exception {
        runningVm(162);
        Response r = api.post("/nodes/mg1/qemu/162/migrate", Map.of("target", "mg2", "online", "1"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(sim.awaitTask(r.data().asText(), GuestOps.WAIT)).isEqualTo("migration aborted");
        assertThat(log("mg1", r.data().asText()))
                .contains("can't migrate local disk 'local-lvm:vm-162-disk-0': can't live migrate attached local disks"
                        + " without with-local-disks option")
                .contains("aborting phase 1 - cleanup resources")
                .contains("ERROR: migration aborted (duration ");
        JsonNode st = api.get("/nodes/mg1/qemu/162/status/current").data();
        assertThat(st.path("status").asText()).isEqualTo("running");
        assertThat(st.has("lock")).isFalse();
    }

    @Test
    void preconditionListsEveryOtherMemberAndTheLocalDisks() throws Exception {
        runningVm(163);
        JsonNode pre = api.get("/nodes/mg1/qemu/163/migrate").data();
        assertThat(pre.path("running").asInt()).isEqualTo(1);
        assertThat(pre.path("allowed_nodes").toString()).isEqualTo("[\"mg2\",\"mg3\"]");
        assertThat(pre.path("local_disks").get(0).path("volid").asText()).isEqualTo("local-lvm:vm-163-disk-0");
    }

    @Test
    void anOfflineTargetPassesTheApiAndFailsInTheTask() throws Exception {
        runningVm(164);
        PveMachine c = nodes.get(2);
        Instant before = c.bootedAt();
        SshRun.run(c, c.servers().sshPort(), sim.guestRootPassword(), "reboot", "");
        sim.await(() -> !c.isUp(), GuestOps.WAIT, "mg3 went down");
        Response r = api.post(
                "/nodes/mg1/qemu/164/migrate", Map.of("target", "mg3", "online", "1", "with-local-disks", "1"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(sim.awaitTask(r.data().asText(), GuestOps.WAIT)).isEqualTo("migration aborted");
        assertThat(log("mg1", r.data().asText()))
                .contains("ERROR: migration aborted (duration 00:00:00): Can't connect to destination address using"
                        + " public key");
        sim.await(() -> c.isUp() && c.bootedAt().isAfter(before), GuestOps.WAIT, "mg3 is back");
    }
}
