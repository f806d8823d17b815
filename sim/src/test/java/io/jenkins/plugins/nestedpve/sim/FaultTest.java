package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Targeted fault injection through the public API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Simulator sim;
    private SimClient api;
    private String base;

    @BeforeAll
    void start() {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        api = SimClient.token(sim);
        base = "/nodes/" + sim.hostNode() + "/qemu/";
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void failedCloneTaskIsPrefixedAndLeavesNoVm() throws Exception {
        sim.faults().failNextTask("qmclone", "storage went away");
        Response r = api.post(base + "9000/clone", Map.of("newid", "901"));
        assertThat(sim.awaitTask(r.data().asText(), WAIT)).isEqualTo("clone failed: storage went away");
        assertThat(sim.vm(901)).isEmpty();
    }

    @Test
    void transientApiFaultAnswersWithItsStatusAndReason() {
        sim.faults().failNextApiCall(503, "Service Unavailable\n");
        Response r = api.get("/version");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.reason()).isEqualTo("Service Unavailable");
        assertThat(api.get("/version").status()).isEqualTo(200);
    }

    @Test
    void guestThatNeverBootsHasNoAgentEvenLongAfterStart() throws Exception {
        Response c = api.post(base + "9000/clone", Map.of("newid", "902"));
        assertThat(sim.awaitTask(c.data().asText(), WAIT)).isEqualTo("OK");
        sim.faults().guestNeverBoots(902);
        Response s = api.post(base + "902/status/start", Map.of());
        assertThat(sim.awaitTask(s.data().asText(), WAIT)).isEqualTo("OK");
        sim.env().afterReal(sim.latency().of(Step.GUEST_BOOT).multipliedBy(3)).get();
        assertThat(api.post(base + "902/agent/ping", Map.of()).reason()).isEqualTo("QEMU guest agent is not running");
        assertThat(sim.guests()).noneMatch(g -> g.vm().orElseThrow().vmid() == 902);
    }

    @Test
    void cloneLockTimeoutOnTheNewIdFailsWithPvesText() throws Exception {
        sim.faults().cloneLockTimeout(903);
        Response r = api.post(base + "9000/clone", Map.of("newid", "903"));
        assertThat(sim.awaitTask(r.data().asText(), WAIT))
                .isEqualTo("can't lock file '/var/lock/qemu-server/lock-903.conf' - got timeout");
    }
}
