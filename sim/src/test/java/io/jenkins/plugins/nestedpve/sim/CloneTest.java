package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloneTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private Simulator sim;
    private SimClient api;
    private String node;

    @BeforeAll
    void start() {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        api = SimClient.token(sim);
        node = sim.hostNode();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private String clone(int newid, Map<String, String> extra) {
        Map<String, String> p = new java.util.LinkedHashMap<>(extra);
        p.put("newid", Integer.toString(newid));
        Response r = api.post("/nodes/" + node + "/qemu/9000/clone", p);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().asText();
    }

    @Test
    void cloneUpidNamesTheSourceVmidAndTaskType() {
        String upid = clone(201, Map.of());
        assertThat(upid).matches("UPID:" + node + ":[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:qmclone:9000:ci@pve!nested:");
    }

    @Test
    void linkedCloneGetsNewMacNewUuidDefaultNameAndBaseVolume() throws Exception {
        sim.awaitTask(clone(203, Map.of()), WAIT);
        var cfg = api.get("/nodes/" + node + "/qemu/203/config").data();
        var tmpl = api.get("/nodes/" + node + "/qemu/9000/config").data();
        assertThat(cfg.path("name").asText()).isEqualTo("Copy-of-VM-pve84-tmpl");
        assertThat(cfg.path("net0").asText())
                .startsWith("virtio=BC:24:11:")
                .endsWith(",bridge=vmbr0")
                .isNotEqualTo(tmpl.path("net0").asText());
        assertThat(cfg.path("smbios1").asText())
                .isNotEqualTo(tmpl.path("smbios1").asText());
        assertThat(cfg.path("scsi0").asText()).startsWith("local-lvm:base-9000-disk-0/vm-203-disk-0");
        assertThat(cfg.has("template")).isFalse();
    }

    @Test
    void storageIsRefusedForLinkedClones() {
        Response r = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", "204", "storage", "local-lvm"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("parameter 'storage' not allowed for linked clones");
    }

    @Test
    void cloneOntoAnIdWhosePlaceholderExistsFailsSynchronously() throws Exception {
        String first = clone(205, Map.of());
        sim.await(() -> sim.vm(205).isPresent(), WAIT, "placeholder of VM 205 is written");
        Response second = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", "205"));
        assertThat(second.status()).isEqualTo(500);
        assertThat(second.reason()).isEqualTo("unable to create VM 205: config file already exists");
        assertThat(sim.awaitTask(first, WAIT)).isEqualTo("OK");
    }

    @Test
    void nextidIsNoReservationAndEchoesAGivenIdAsString() {
        Response free = api.get("/cluster/nextid", Map.of("vmid", "777"));
        assertThat(free.data().isTextual()).isTrue();
        assertThat(free.data().asText()).isEqualTo("777");
        Response again = api.get("/cluster/nextid", Map.of("vmid", "777"));
        assertThat(again.data().asText()).isEqualTo("777");
        Response taken = api.get("/cluster/nextid", Map.of("vmid", "9000"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().path("errors").path("vmid").asText()).isEqualTo("VM 9000 already exists");
    }

    @Test
    void linkedCloneOfAnOrdinaryVmNamesTheVolumeAndTheDrive() throws Exception {
        assertThat(sim.awaitTask(clone(206, Map.of("full", "1")), WAIT)).isEqualTo("OK");
        Response r = api.post("/nodes/" + node + "/qemu/206/clone", Map.of("newid", "207", "full", "0"));
        assertThat(r.status()).isEqualTo(500);
        // qemu-server:src/PVE/API2/Qemu.pm clone_vm: "Linked clone feature is not supported for '<volid>' (<drive>)"
        assertThat(r.reason()).isEqualTo("Linked clone feature is not supported for 'local-lvm:vm-206-disk-0' (scsi0)");
        assertThat(sim.vm(207)).isEmpty();
    }

    @Test
    void fullCloneToAStorageWithoutVmImagesIsAParameterError() {
        Response r = api.post(
                "/nodes/" + node + "/qemu/9000/clone", Map.of("newid", "208", "full", "1", "storage", "local"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").path("storage").asText())
                .isEqualTo("storage 'local' does not support vm images");
    }
}
