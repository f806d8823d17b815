package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A node of a nested cluster reboots: away, offline to the others, back; quorum as corosync counts it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebootTest {
    private Simulator sim;
    private List<PveMachine> nodes;

    @BeforeAll
    void start() throws Exception {
        // reboots take 1000 s scaled by 0.002 = 2 s: long enough to see the node away
        sim = Simulator.builder()
                .latency(LatencyProfile.scaled(0.002).with(Step.REBOOT, Duration.ofSeconds(1000)))
                .sshPort(0)
                .start();
        nodes = NestedCluster.form(sim, 701, 20, "rb");
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private static JsonNode member(JsonNode status, String name) {
        for (JsonNode e : status) {
            if (name.equals(e.path("name").asText()) && e.path("type").asText().equals("node")) {
                return e;
            }
        }
        throw new AssertionError("no member " + name + " in " + status);
    }

    private void reboot(PveMachine g) throws Exception {
        SshRun.run(g, g.servers().sshPort(), sim.guestRootPassword(), "reboot", "");
    }

    @Test
    void threeNodeClusterStaysQuorateWhileOneMemberRebootsAndSeesItOfflineThenOnline() throws Exception {
        PveMachine a = nodes.get(0);
        PveMachine c = nodes.get(2);
        Instant before = c.bootedAt();
        reboot(c);
        sim.await(() -> !c.isUp(), GuestOps.WAIT, "rb3 went down");
        JsonNode during = NestedCluster.root(sim, a).get("/cluster/status").data();
        assertThat(during.get(0).path("quorate").asInt()).isEqualTo(1);
        assertThat(member(during, "rb3").path("online").asInt()).isZero();
        assertThat(GuestOps.accepts(c.ip(), sim.apiPort())).isFalse();
        sim.await(() -> c.isUp() && c.bootedAt().isAfter(before), GuestOps.WAIT, "rb3 is back");
        JsonNode after = NestedCluster.root(sim, a).get("/cluster/status").data();
        assertThat(member(after, "rb3").path("online").asInt()).isEqualTo(1);
    }

    @Test
    void guestsRunningInsideARebootedNodeAreStoppedByIt() throws Exception {
        PveMachine b = nodes.get(1);
        SimClient root = NestedCluster.root(sim, b);
        Response create = root.post(
                "/nodes/rb2/qemu",
                Map.of("vmid", "150", "memory", "512", "kvm", "0", "start", "1", "net0", "virtio,bridge=vmbr0"));
        assertThat(sim.awaitTask(create.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        Instant before = b.bootedAt();
        reboot(b);
        sim.await(() -> b.isUp() && b.bootedAt().isAfter(before), GuestOps.WAIT, "rb2 is back");
        assertThat(NestedCluster.root(sim, b)
                        .get("/nodes/rb2/qemu/150/status/current")
                        .data()
                        .path("status")
                        .asText())
                .isEqualTo("stopped");
    }
}
