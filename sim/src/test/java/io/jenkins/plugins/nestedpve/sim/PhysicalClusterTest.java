package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A physical PVE cluster of three nodes: per-node answers, clone with target, VMs on their node (pve-facts §3.4). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhysicalClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private Simulator shared;
    private Simulator local;
    private SimClient api;
    private SimClient localApi;

    @BeforeAll
    void start() {
        shared = Simulator.builder()
                .latencyScale(0.001)
                .ssh(false)
                .physicalNodes(3)
                .sharedStorage("ceph")
                .start();
        local = Simulator.builder()
                .latencyScale(0.001)
                .ssh(false)
                .physicalNodes(3)
                .templatesOnEveryNode(true)
                .start();
        api = SimClient.token(shared);
        localApi = SimClient.token(local);
    }

    @AfterAll
    void stop() {
        shared.close();
        local.close();
    }

    private static List<String> names(JsonNode list, String key) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(key).asText()));
        return out;
    }

    @Test
    void nodesListsEveryPhysicalNodeOnlineWithItsOwnMemory() {
        JsonNode nodes = api.get("/nodes").data();
        assertThat(names(nodes, "node")).containsExactlyInAnyOrder("pve", "pve2", "pve3");
        nodes.forEach(n -> assertThat(n.path("status").asText()).isEqualTo("online"));
        JsonNode status = api.get("/nodes/pve3/status").data();
        assertThat(status.path("memory").path("total").asLong()).isEqualTo(128L * 1024 * 1024 * 1024);
    }

    @Test
    void clusterResourcesListsEachNodeAndEachNodesStoragesWithTheSharedOneShared() {
        JsonNode res = api.get("/cluster/resources", Map.of("type", "storage")).data();
        assertThat(names(res, "id")).contains("storage/pve/ceph", "storage/pve2/ceph", "storage/pve3/local-lvm");
        res.forEach(s -> assertThat(s.path("shared").asInt())
                .isEqualTo(s.path("storage").asText().equals("ceph") ? 1 : 0));
        JsonNode nodes = api.get("/cluster/resources", Map.of("type", "node")).data();
        assertThat(names(nodes, "node")).containsExactlyInAnyOrder("pve", "pve2", "pve3");
    }

    @Test
    void linkedCloneWithTargetRunsOnTheSourceAndLeavesTheVmOnTheTarget() throws Exception {
        Response r = api.post("/nodes/pve/qemu/9000/clone", Map.of("newid", "301", "target", "pve2"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().asText()).startsWith("UPID:pve:").contains(":qmclone:9000:");
        assertThat(shared.awaitTask(r.data().asText(), WAIT)).isEqualTo("OK");
        JsonNode cfg = api.get("/nodes/pve2/qemu/301/config").data();
        assertThat(cfg.path("scsi0").asText()).startsWith("ceph:base-9000-disk-0/vm-301-disk-0");
        assertThat(shared.vm(301).orElseThrow().node()).isEqualTo("pve2");
    }

    @Test
    void aVmOnAnotherNodeIsMissingOnTheWrongNode() throws Exception {
        Response r = api.post("/nodes/pve/qemu/9000/clone", Map.of("newid", "302", "target", "pve3"));
        shared.awaitTask(r.data().asText(), WAIT);
        Response wrong = api.get("/nodes/pve/qemu/302/status/current");
        assertThat(wrong.status()).isEqualTo(500);
        assertThat(wrong.reason()).isEqualTo("Configuration file 'nodes/pve/qemu-server/302.conf' does not exist");
        assertThat(api.get("/nodes/pve3/qemu/302/status/current").status()).isEqualTo(200);
    }

    @Test
    void cloneToANodeOutsideTheClusterIsRefused() {
        Response r = api.post("/nodes/pve/qemu/9000/clone", Map.of("newid", "303", "target", "pve9"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("no such cluster node 'pve9'");
    }

    @Test
    void linkedCloneOfATemplateOnLocalStorageToAnotherNodeIsRefused() {
        Response r = localApi.post("/nodes/pve/qemu/9000/clone", Map.of("newid", "304", "target", "pve2"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("can't clone VM to node 'pve2' (VM uses local storage)");
        assertThat(local.vm(304)).isEmpty();
    }

    @Test
    void fullCloneToLocalStorageOnAnotherNodeIsRefused() {
        Response r = api.post(
                "/nodes/pve/qemu/9000/clone",
                Map.of("newid", "305", "target", "pve2", "full", "1", "storage", "local-lvm"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("can't clone to non-shared storage 'local-lvm'");
    }

    @Test
    void everyNodeHoldsItsOwnTemplateOfTheSameNameWhenAskedFor() {
        JsonNode vms = localApi.get("/cluster/resources", Map.of("type", "vm")).data();
        List<String> templates = new ArrayList<>();
        vms.forEach(
                v -> templates.add(v.path("vmid").asInt() + "@" + v.path("node").asText()));
        assertThat(templates).contains("9000@pve", "10000@pve2", "11000@pve3");
        Response r = localApi.post("/nodes/pve2/qemu/10000/clone", Map.of("newid", "306"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().asText()).startsWith("UPID:pve2:");
    }
}
