package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import java.time.Duration;
import java.util.List;
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

    @Test
    void apiFaultBeforeTheHandlerAnswersTheErrorAndCreatesNothing() {
        sim.faults().failApiCall("POST", "/qemu/9000/clone$", 502, "Bad Gateway\n", false);
        Response r = api.post(base + "9000/clone", Map.of("newid", "905"));
        assertThat(r.status()).isEqualTo(502);
        assertThat(sim.vm(905)).isEmpty();
    }

    @Test
    void apiFaultAfterTheHandlerStartsTheCloneButAnswersTheError() throws Exception {
        sim.faults().failApiCall("POST", "/qemu/9000/clone$", 500, "proxy went away\n", true);
        Response r = api.post(base + "9000/clone", Map.of("newid", "906"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("proxy went away");
        sim.await(() -> sim.vm(906).isPresent() && sim.vm(906).get().get("lock") == null, WAIT, "clone of 906 ends");
        assertThat(api.post(base + "9000/clone", Map.of("newid", "907")).status())
                .as("the fault is used up by the first match")
                .isEqualTo(200);
    }

    @Test
    void droppedConnectionAfterTheHandlerLeavesTheCloneAndLogsStatusZero() throws InterruptedException {
        sim.faults().failApiCall("POST", "/qemu/9000/clone$", FaultPlan.DROP_CONNECTION, null, true);
        // the connection ends without a single byte of answer
        assertThatThrownBy(() -> api.post(base + "9000/clone", Map.of("newid", "908")))
                .isInstanceOf(RuntimeException.class);
        // the handler started the clone task; like PVE's worker it writes the placeholder config a
        // moment later, under the new id's lock — wait for it instead of racing the task
        sim.await(() -> sim.vm(908).isPresent(), Duration.ofSeconds(10), "the dropped clone's VM 908 to appear");
        assertThat(cloneLogStatuses(908)).containsExactly(FaultPlan.DROP_CONNECTION);
    }

    private List<Integer> cloneLogStatuses(int newid) {
        return sim.requestLog().entries().stream()
                .filter(e -> e.path().endsWith("/clone")
                        && String.valueOf(newid)
                                .equals(String.valueOf(e.params().get("newid"))))
                .map(e -> e.status())
                .toList();
    }

    @Test
    void targetedApiFaultIgnoresOtherMethodsAndPaths() {
        sim.faults().failApiCall("POST", "/qemu/9000/clone$", 503, "busy\n", false);
        assertThat(api.get(base + "9000/config").status()).isEqualTo(200);
        assertThat(api.get("/version").status()).isEqualTo(200);
        assertThat(api.post(base + "9000/clone", Map.of("newid", "909")).status())
                .isEqualTo(503);
    }
}
