package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Parallel linked clones of one stopped template are allowed (shared template lock) but really
 * contend on the storage lock while volumes are allocated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParallelCloneTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Simulator sim;

    @BeforeAll
    void start() {
        // allocating a volume holds the storage lock 200 s (2 s real), others give up after 10 s (0.1 s)
        LatencyProfile latency = LatencyProfile.scaled(0.01)
                .with(Step.STORAGE_ALLOC, Duration.ofSeconds(200))
                .with(Step.LINKED_CLONE, Duration.ofSeconds(201));
        sim = Simulator.builder().latency(latency).ssh(false).start();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void clonesStartedTogetherContendForTheStorageLock() throws Exception {
        SimClient api = SimClient.token(sim);
        List<String> upids = new ArrayList<>();
        for (int id = 1001; id <= 1003; id++) {
            Response r =
                    api.post("/nodes/" + sim.hostNode() + "/qemu/9000/clone", Map.of("newid", Integer.toString(id)));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            upids.add(r.data().asText());
        }
        List<String> results = new ArrayList<>();
        for (String u : upids) {
            results.add(sim.awaitTask(u, WAIT));
        }
        assertThat(results).filteredOn("OK"::equals).hasSize(1);
        assertThat(results)
                .filteredOn(s -> !s.equals("OK"))
                .containsOnly(
                        "clone failed: can't lock file '/var/lock/pve-manager/pve-storage-local-lvm' - got timeout");
        assertThat(sim.vms())
                .filteredOn(v -> v.vmid() >= 1001 && v.vmid() <= 1003)
                .hasSize(1);
    }
}
