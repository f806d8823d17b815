package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code status/current} counters that follow the VM's config (qemu-server QemuServer.pm vmstatus). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VmStatusTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long GIB = 1024L * 1024 * 1024;
    private Simulator sim;
    private SimClient api;

    @BeforeAll
    void start() {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        api = SimClient.token(sim);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private long maxdisk(int vmid) {
        Response r = api.get("/nodes/" + sim.hostNode() + "/qemu/" + vmid + "/status/current");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().path("maxdisk").asLong();
    }

    private void create(Map<String, String> params) throws Exception {
        Response c = api.post("/nodes/" + sim.hostNode() + "/qemu", params);
        assertThat(c.status()).as(c.toString()).isEqualTo(200);
        assertThat(sim.awaitTask(c.data().asText(), WAIT)).isEqualTo("OK");
    }

    @Test
    void maxdiskIsTheSizeOfTheFirstBootDisk() throws Exception {
        create(Map.of("vmid", "710", "scsi0", "local-lvm:5", "boot", "order=scsi0"));
        assertThat(maxdisk(710)).isEqualTo(5 * GIB);
    }

    @Test
    void maxdiskOfAVmWithoutBootDiskIsZero() throws Exception {
        create(Map.of("vmid", "711", "memory", "512"));
        assertThat(maxdisk(711)).isZero();
    }

    @Test
    void maxdiskOfTheTemplateIsItsDiskSize() {
        assertThat(maxdisk(sim.template().vmid())).isEqualTo(32 * GIB);
    }
}
