package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Joins must be sequential: a second join during the first fails on the cluster's config lock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterLockTest {
    private Simulator sim;
    private GuestOps ops;

    @BeforeAll
    void start() {
        // a join lasts 2 s of real time here, so two joins sent one after the other overlap
        sim = Simulator.builder()
                .latency(LatencyProfile.scaled(0.002).with(Step.CLUSTER_JOIN, Duration.ofSeconds(1000)))
                .ssh(false)
                .start();
        ops = new GuestOps(sim);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void concurrentJoinsFailOnTheClusterLock() throws Exception {
        PveMachine a = ClusterTest.named(sim, ops, 551, 0, "theta");
        PveMachine b = ClusterTest.named(sim, ops, 552, 1, "iota");
        PveMachine c = ClusterTest.named(sim, ops, 553, 2, "kappa");
        assertThat(sim.awaitTask(
                        GuestOps.root(sim, a)
                                .post("/cluster/config", Map.of("clustername", "lab5"))
                                .data()
                                .asText(),
                        GuestOps.WAIT))
                .isEqualTo("OK");
        SimClient rootB = GuestOps.root(sim, b);
        SimClient rootC = GuestOps.root(sim, c);
        Map<String, String> params = Map.of(
                "hostname",
                a.ip(),
                "fingerprint",
                a.servedCertificate().fingerprint(),
                "password",
                sim.guestRootPassword());
        Response jb = rootB.post("/cluster/config/join", params);
        Response jc = rootC.post("/cluster/config/join", params);
        String sb = sim.awaitTask(jb.data().asText(), GuestOps.WAIT);
        String sc = sim.awaitTask(jc.data().asText(), GuestOps.WAIT);
        assertThat(List.of(sb, sc)).containsExactlyInAnyOrder("OK", "Cluster join aborted!");
        PveMachine loser = sb.equals("OK") ? c : b;
        String loserUpid = (sb.equals("OK") ? jc : jb).data().asText();
        // the first join holds the config lock; once it has added its node the cluster lacks quorum
        // until that node runs corosync, so addnode refuses at once (ClusterConfig.pm check_cfs_quorum)
        assertThat(loser.tasks().find(loserUpid).orElseThrow().lines())
                .containsAnyOf(
                        "An error occurred on the cluster node: cluster not ready - no quorum?",
                        "An error occurred on the cluster node: can't lock file '/var/lock/pvecm.lock' - got timeout",
                        "An error occurred on the cluster node: cfs-lock 'file-corosync_conf' error: got lock request"
                                + " timeout");
    }
}
