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

/**
 * {@code DELETE /nodes/{node}/tasks/{upid}} (pve-manager:PVE/API2/Tasks.pm stop_task; pve-facts
 * §2.3): SIGTERM to the worker, owner or Sys.Modify only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskStopTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private Simulator sim;
    private SimClient api;
    private String node;

    @BeforeAll
    void start() {
        // a linked clone, and its wait for the template's lock, last 20 s of real time here: long
        // enough to be stopped while they run
        sim = Simulator.builder()
                .latency(LatencyProfile.scaled(0.001)
                        .with(Step.LINKED_CLONE, Duration.ofSeconds(20_000))
                        .with(Step.LOCK_WAIT_SHORT, Duration.ofSeconds(20_000)))
                .ssh(false)
                .start();
        api = SimClient.token(sim);
        node = sim.hostNode();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private String path(String upid) {
        return "/nodes/" + node + "/tasks/" + SimClient.enc(upid);
    }

    private String cloneAndWaitForThePlaceholder(int newid) throws InterruptedException {
        Response c = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", Integer.toString(newid)));
        assertThat(c.status()).as(c.toString()).isEqualTo(200);
        sim.await(() -> sim.vm(newid).isPresent(), WAIT, "placeholder of VM " + newid + " is written");
        return c.data().asText();
    }

    @Test
    void stoppedCloneEndsAtOnceAsInterruptedAndLeavesNoVm() throws Exception {
        String upid = cloneAndWaitForThePlaceholder(1301);
        Response r = api.delete(path(upid), Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().isNull()).isTrue();
        var status = api.get(path(upid) + "/status").data();
        assertThat(status.path("status").asText()).isEqualTo("stopped");
        assertThat(status.path("exitstatus").asText()).isEqualTo("clone failed: interrupted by signal");
        assertThat(sim.vm(1301)).isEmpty();
    }

    @Test
    void stoppedCloneReleasesTheNewVmsLock() throws Exception {
        String upid = cloneAndWaitForThePlaceholder(1302);
        api.delete(path(upid), Map.of());
        sim.await(
                () -> !sim.host().locks().isHeld("/var/lock/qemu-server/lock-1302.conf"),
                Duration.ofSeconds(5),
                "the flock of VM 1302 is released well before the 20 s clone would have ended");
    }

    @Test
    void cloneStoppedWhileWaitingForTheTemplateLockNeverWritesTheVm() throws Exception {
        String lock = "/var/lock/qemu-server/lock-9000.conf";
        var held =
                sim.host().locks().acquire(lock, false, Duration.ofSeconds(5)).get();
        Response c = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", "1307"));
        api.delete(path(c.data().asText()), Map.of());
        assertThat(sim.awaitTask(c.data().asText(), WAIT)).isEqualTo("received interrupt");
        held.close();
        sim.await(() -> !sim.host().locks().isHeld(lock), WAIT, "the template's lock is free again");
        assertThat(sim.vm(1307)).isEmpty();
    }

    @Test
    void stoppedTaskWithoutItsOwnHandlerEndsWithReceivedInterrupt() throws Exception {
        Response vm = api.post("/nodes/" + node + "/qemu", Map.of("vmid", "1304", "memory", "512"));
        assertThat(sim.awaitTask(vm.data().asText(), WAIT)).isEqualTo("OK");
        Response start = api.post("/nodes/" + node + "/qemu/1304/status/start", Map.of());
        assertThat(sim.awaitTask(start.data().asText(), WAIT)).isEqualTo("OK");
        // a VM without an OS ignores the ACPI request: the shutdown task waits its whole timeout
        Response shutdown = api.post("/nodes/" + node + "/qemu/1304/status/shutdown", Map.of("timeout", "100000"));
        api.delete(path(shutdown.data().asText()), Map.of());
        assertThat(sim.awaitTask(shutdown.data().asText(), WAIT)).isEqualTo("received interrupt");
    }

    @Test
    void stoppingAnEndedTaskChangesNothing() throws Exception {
        Response vm = api.post("/nodes/" + node + "/qemu", Map.of("vmid", "1305", "memory", "512"));
        String upid = vm.data().asText();
        assertThat(sim.awaitTask(upid, WAIT)).isEqualTo("OK");
        Response r = api.delete(path(upid), Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(api.get(path(upid) + "/status").data().path("exitstatus").asText())
                .isEqualTo("OK");
    }

    @Test
    void stoppingAnotherTokensTaskNeedsSysModifyOnTheNode() throws Exception {
        String upid = cloneAndWaitForThePlaceholder(1306);
        var users = sim.host().pmxcfs().users();
        users.addUser("auditor@pve");
        String secret = users.addToken("auditor@pve", "ro", false, 0, null);
        users.grant("/", "auditor@pve", "PVEAuditor", true);
        SimClient auditor =
                new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint()).withToken("auditor@pve!ro", secret);
        Response r = auditor.delete(path(upid), Map.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Permission check failed (/nodes/" + node + ", Sys.Modify)");
        assertThat(api.get(path(upid) + "/status").data().path("status").asText())
                .isEqualTo("running");
    }
}
