package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST config is a qmconfig task; background_delay waits for it (pve-facts §3.5). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncConfigTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Simulator sim;
    private SimClient api;
    private String base;

    @BeforeAll
    void start() throws Exception {
        // 20 ms per simulated second: a background_delay of 30 s waits 0.6 s for a 2 ms task
        sim = Simulator.builder().latencyScale(0.02).ssh(false).start();
        api = SimClient.token(sim);
        base = "/nodes/" + sim.hostNode() + "/qemu/";
        Response r = api.post(base + "9000/clone", Map.of("newid", "616"));
        assertThat(sim.awaitTask(r.data().asText(), WAIT)).isEqualTo("OK");
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void postConfigReturnsAQmconfigUpid() throws Exception {
        Response async = api.post(base + "616/config", Map.of("cores", "4"));
        assertThat(async.data().asText()).contains(":qmconfig:616:");
        assertThat(sim.awaitTask(async.data().asText(), WAIT)).isEqualTo("OK");
    }

    @Test
    void backgroundDelayReturnsNullOnceTheTaskEndedOk() {
        Response waited = api.post(base + "616/config", Map.of("sockets", "2", "background_delay", "30"));
        assertThat(waited.status()).isEqualTo(200);
        assertThat(waited.data().isNull()).as(waited.toString()).isTrue();
        assertThat(api.get(base + "616/config").data().path("sockets").asInt()).isEqualTo(2);
    }
}
