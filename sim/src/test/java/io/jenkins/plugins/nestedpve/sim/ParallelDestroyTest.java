package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Destroys running side by side free their volumes one at a time under the storage lock
 * (pve-storage vdisk_free); a free that cannot get the lock within 10 s leaves its volume with a warning
 * and the destroy goes on (qemu-server destroy_vm).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParallelDestroyTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Simulator sim;

    @BeforeAll
    void start() {
        // freeing a volume holds the storage lock 100 s (1 s real), others give up after 10 s (0.1 s)
        LatencyProfile latency = LatencyProfile.scaled(0.01)
                .with(Step.STORAGE_FREE, Duration.ofSeconds(100))
                .with(Step.DESTROY, Duration.ofSeconds(201));
        sim = Simulator.builder().latency(latency).ssh(false).start();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void destroysSideBySideQueueForTheStorageLockAndOneThatWaitsTooLongLeavesItsVolume() throws Exception {
        SimClient api = SimClient.token(sim);
        String node = "/nodes/" + sim.hostNode();
        for (int id = 1001; id <= 1002; id++) {
            Response r = api.post(node + "/qemu/9000/clone", Map.of("newid", Integer.toString(id)));
            assertThat(sim.awaitTask(r.data().asText(), WAIT)).isEqualTo("OK");
        }
        List<String> upids = new ArrayList<>();
        for (int id = 1001; id <= 1002; id++) {
            Response r = api.delete(node + "/qemu/" + id, Map.of());
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            upids.add(r.data().asText());
        }

        List<String> results = new ArrayList<>();
        for (String u : upids) {
            results.add(sim.awaitTask(u, WAIT));
        }

        assertThat(results).allMatch(r -> r.equals("OK") || r.startsWith("WARNINGS: "));
        List<String> lines = new ArrayList<>(log(api, node, upids.get(0)));
        lines.addAll(log(api, node, upids.get(1)));
        assertThat(lines)
                .anyMatch(l -> l.startsWith("WARN: Could not remove disk 'local-lvm:")
                        && l.endsWith("check manually: can't lock file '/var/lock/pve-manager/pve-storage-local-lvm'"
                                + " - got timeout"));
        assertThat(sim.vms()).noneMatch(v -> v.vmid() == 1001 || v.vmid() == 1002);
    }

    private static List<String> log(SimClient api, String node, String upid) throws Exception {
        List<String> lines = new ArrayList<>();
        for (JsonNode l : api.get(node + "/tasks/" + SimClient.enc(upid) + "/log", Map.of("limit", "0"))
                .data()) {
            lines.add(l.get("t").asText());
        }
        return lines;
    }
}
