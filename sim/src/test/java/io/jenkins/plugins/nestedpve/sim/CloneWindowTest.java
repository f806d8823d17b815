package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What clients see while a (slow) clone runs and right after it: lock, stats lag, lock contention. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloneWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Simulator sim;
    private SimClient api;
    private String node;

    @BeforeAll
    void start() {
        // 1 ms per simulated second, but a linked clone takes 1.5 s and stats lag 10 s (real time)
        LatencyProfile latency = LatencyProfile.scaled(0.001)
                .with(Step.LINKED_CLONE, Duration.ofSeconds(1500))
                .with(Step.STATS_LAG, Duration.ofSeconds(10_000));
        sim = Simulator.builder().latency(latency).ssh(false).start();
        api = SimClient.token(sim);
        node = sim.hostNode();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private String clone(int newid) {
        Response r = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", Integer.toString(newid)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().asText();
    }

    @Test
    void newVmIsLockedCloneUntilTheTaskEnds() throws Exception {
        String upid = clone(302);
        sim.await(() -> sim.vm(302).isPresent(), WAIT, "VM 302 exists");
        Response during = api.get("/nodes/" + node + "/qemu/302/config");
        assertThat(during.data().path("lock").asText()).isEqualTo("clone");
        Response start = api.post("/nodes/" + node + "/qemu/302/status/start", Map.of());
        // the clone worker holds the new id's flock: a start waits 10 s (scaled) for it, or sees the lock
        assertThat(sim.awaitTask(start.data().asText(), WAIT))
                .isIn("VM is locked (clone)", "can't lock file '/var/lock/qemu-server/lock-302.conf' - got timeout");
        assertThat(sim.awaitTask(upid, WAIT)).isEqualTo("OK");
        Response after = api.get("/nodes/" + node + "/qemu/302/config");
        assertThat(after.data().has("lock")).isFalse();
    }

    @Test
    void freshCloneShowsUnknownStatusWithoutNameInClusterResources() throws Exception {
        sim.awaitTask(clone(306), WAIT);
        var list = api.get("/cluster/resources", Map.of("type", "vm")).data();
        var entry = StreamSupport.stream(list.spliterator(), false)
                .filter(e -> e.path("vmid").asInt() == 306)
                .findFirst()
                .orElseThrow();
        assertThat(entry.path("status").asText()).isEqualTo("unknown");
        assertThat(entry.has("name")).isFalse();
        var current = api.get("/nodes/" + node + "/qemu/306/status/current").data();
        assertThat(current.path("status").asText()).isEqualTo("stopped");
    }

    @Test
    void templateConfigChangeTimesOutWhileClonesHoldItsSharedLock() throws Exception {
        String upid = clone(307);
        sim.await(() -> sim.vm(307).isPresent(), WAIT, "clone 307 has started");
        Response r = api.put("/nodes/" + node + "/qemu/9000/config", Map.of("description", "x"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("can't lock file '/var/lock/qemu-server/lock-9000.conf' - got timeout");
        assertThat(sim.awaitTask(upid, WAIT)).isEqualTo("OK");
    }
}
