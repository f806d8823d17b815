package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.Corosync;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code pvecm delnode} and a half-finished join (pve-facts §14). */
class DelnodeTest {
    private Simulator sim;
    private GuestOps ops;

    @BeforeEach
    void start() {
        sim = Simulator.builder().latencyScale(0.002).ssh(false).start();
        ops = new GuestOps(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private PveMachine clusterOf(int vmid, int staticIndex, String name) throws Exception {
        PveMachine a = ClusterTest.named(sim, ops, vmid, staticIndex, name);
        Response create = GuestOps.root(sim, a).post("/cluster/config", Map.of("clustername", "lab"));
        assertThat(sim.awaitTask(create.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        return a;
    }

    private String join(PveMachine joiner, PveMachine peer) {
        Response r = GuestOps.root(sim, joiner)
                .post(
                        "/cluster/config/join",
                        Map.of(
                                "hostname",
                                peer.ip(),
                                "fingerprint",
                                peer.servedCertificate().fingerprint(),
                                "password",
                                sim.guestRootPassword()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().asText();
    }

    private JsonNode sh(int vmid, String script) throws Exception {
        return ops.exec(vmid, script);
    }

    private static String out(JsonNode st) {
        return st.path("out-data").asText("");
    }

    private static String err(JsonNode st) {
        return st.path("err-data").asText("");
    }

    private Corosync conf(PveMachine m) {
        return m.pmxcfs().corosync().orElseThrow();
    }

    @Test
    void aHalfJoinedNodeTakesTheQuorumOfAOneNodeClusterUntilExpectedVotesAreLoweredThenDelnodeRemovesIt()
            throws Exception {
        PveMachine a = clusterOf(901, 80, "alpha");
        PveMachine b = ClusterTest.named(sim, ops, 902, 81, "beta");
        sim.faults().stallNextJoins(1);
        String upid = join(b, a);
        sim.await(
                () -> b.tasks().find(upid).orElseThrow().lines().contains("waiting for quorum..."),
                GuestOps.WAIT,
                "beta waits for quorum");
        assertThat(conf(a).member("beta")).as("the cluster added beta").isPresent();
        assertThat(b.tasks().find(upid).orElseThrow().lines()).last().isEqualTo("waiting for quorum...");
        assertThat(a.cluster().view().quorate())
                .as("expected 2 votes, 1 online")
                .isFalse();
        Response off = ops.api().post("/nodes/" + sim.hostNode() + "/qemu/902/status/stop", Map.of());
        assertThat(sim.awaitTask(off.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        int version = conf(a).configVersion();

        JsonNode refused = sh(901, "pvecm delnode beta");
        assertThat(refused.path("exitcode").asInt()).isEqualTo(255);
        assertThat(err(refused)).isEqualTo("cluster not ready - no quorum?\n");

        JsonNode removed = sh(901, "pvecm expected 1 && pvecm delnode beta");

        assertThat(removed.path("exitcode").asInt()).as(removed.toString()).isZero();
        assertThat(out(removed)).isEqualTo("Killing node 2\n");
        assertThat(err(removed)).isEqualTo("Could not kill node (error = CS_ERR_NOT_EXIST)\n");
        assertThat(conf(a).members()).extracting(Corosync.Member::name).containsExactly("alpha");
        assertThat(conf(a).configVersion()).isEqualTo(version + 1);
        assertThat(conf(a).expectedVotes()).isEqualTo(1);
        assertThat(a.cluster().view().quorate()).isTrue();
    }

    @Test
    void aNodeRemovedByDelnodeCanBeAddedAgainUnderItsName() throws Exception {
        PveMachine a = clusterOf(903, 82, "gamma");
        PveMachine b = ClusterTest.named(sim, ops, 904, 83, "delta");
        sim.faults().stallNextJoins(1);
        join(b, a);
        sim.await(() -> conf(a).member("delta").isPresent(), GuestOps.WAIT, "the cluster added delta");
        assertThat(sh(903, "pvecm expected 1 && pvecm delnode delta")
                        .path("exitcode")
                        .asInt())
                .isZero();

        Response again = GuestOps.root(sim, a)
                .post(
                        "/cluster/config/nodes/delta",
                        Map.of("new_node_ip", sim.staticAddresses().get(83)));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
    }

    @Test
    void delnodeRefusesTheLocalNodeAndNamesAnUnknownOne() throws Exception {
        clusterOf(905, 84, "epsilon");

        JsonNode self = sh(905, "pvecm delnode epsilon");
        JsonNode unknown = sh(905, "pvecm delnode zeta");

        assertThat(self.path("exitcode").asInt()).isEqualTo(255);
        assertThat(err(self)).isEqualTo("Cannot delete myself from cluster!\n");
        assertThat(unknown.path("exitcode").asInt()).isEqualTo(255);
        assertThat(err(unknown)).isEqualTo("Node/IP: zeta is not a known host of the cluster.\n");
    }
}
