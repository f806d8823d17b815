package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Cluster create and joins through the guests' own APIs (pve-facts §5). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTest {
    private Simulator sim;
    private GuestOps ops;

    @BeforeAll
    void start() {
        sim = Simulator.builder().latencyScale(0.002).ssh(false).start();
        ops = new GuestOps(sim);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    static PveMachine named(Simulator sim, GuestOps ops, int vmid, int staticIndex, String name) throws Exception {
        PveMachine g = ops.boot(vmid, sim.staticAddresses().get(staticIndex));
        ops.rename(vmid, g, name);
        sim.await(() -> g.nodeName().equals(name), GuestOps.WAIT, "node name " + name + " is active");
        return g;
    }

    private PveMachine named(int vmid, int staticIndex, String name) throws Exception {
        return named(sim, ops, vmid, staticIndex, name);
    }

    private String join(PveMachine joiner, PveMachine peer) {
        SimClient root = GuestOps.root(sim, joiner);
        Response r = root.post(
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

    @Test
    void threeGuestsFormedByHandBecomeQuorate() throws Exception {
        PveMachine a = named(501, 0, "alpha");
        PveMachine b = named(502, 1, "beta");
        PveMachine c = named(503, 2, "gamma");
        SimClient rootA = GuestOps.root(sim, a);
        Response create = rootA.post("/cluster/config", Map.of("clustername", "lab"));
        assertThat(sim.awaitTask(create.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        assertThat(sim.awaitTask(join(b, a), GuestOps.WAIT)).isEqualTo("OK");
        sim.await(() -> a.cluster().view().quorate(), GuestOps.WAIT, "quorate after beta joined");
        assertThat(sim.awaitTask(join(c, a), GuestOps.WAIT)).isEqualTo("OK");
        sim.await(() -> a.cluster().view().quorate(), GuestOps.WAIT, "quorate after gamma joined");
        var status = GuestOps.root(sim, a).get("/cluster/status").data();
        var cluster = status.get(0);
        assertThat(cluster.path("type").asText()).isEqualTo("cluster");
        assertThat(cluster.path("quorate").asInt()).isEqualTo(1);
        assertThat(cluster.path("nodes").asInt()).isEqualTo(3);
        long online = StreamSupport.stream(status.spliterator(), false)
                .filter(e -> e.path("type").asText().equals("node")
                        && e.path("online").asInt() == 1)
                .count();
        assertThat(online).isEqualTo(3);
    }

    @Test
    void corosyncValuesComeBackAsStrings() throws Exception {
        PveMachine a = named(581, 80, "nu");
        SimClient root = GuestOps.root(sim, a);
        assertThat(sim.awaitTask(
                        root.post("/cluster/config", Map.of("clustername", "lab8"))
                                .data()
                                .asText(),
                        GuestOps.WAIT))
                .isEqualTo("OK");
        var nodes = root.get("/cluster/config/nodes").data();
        assertThat(nodes.get(0).path("nodeid").isTextual()).isTrue();
        assertThat(nodes.get(0).path("quorum_votes").asText()).isEqualTo("1");
        var join = root.get("/cluster/config/join").data();
        assertThat(join.path("nodelist").get(0).path("pve_fp").asText())
                .isEqualTo(a.servedCertificate().fingerprint());
        assertThat(join.path("totem").path("cluster_name").asText()).isEqualTo("lab8");
    }

    @Test
    void joinReplacesTokensAndCertificateOfTheJoiningNode() throws Exception {
        PveMachine a = named(511, 10, "delta");
        PveMachine b = named(512, 11, "epsilon");
        SimClient rootA = GuestOps.root(sim, a);
        assertThat(sim.awaitTask(
                        rootA.post("/cluster/config", Map.of("clustername", "lab2"))
                                .data()
                                .asText(),
                        GuestOps.WAIT))
                .isEqualTo("OK");
        Response tok = GuestOps.root(sim, b).post("/access/users/root@pam/token/before", Map.of("privsep", "0"));
        String secret = tok.data().path("value").asText();
        String oldFp = b.servedCertificate().fingerprint();
        assertThat(new SimClient(b.ip(), sim.apiPort(), oldFp)
                        .withToken("root@pam!before", secret)
                        .get("/version")
                        .status())
                .isEqualTo(200);
        assertThat(sim.awaitTask(join(b, a), GuestOps.WAIT)).isEqualTo("OK");
        String newFp = b.servedCertificate().fingerprint();
        assertThat(newFp).isNotEqualTo(oldFp);
        sim.await(() -> b.servers().apiPort() > 0 && isServing(b, newFp), GuestOps.WAIT, "pveproxy is back");
        Response old = new SimClient(b.ip(), sim.apiPort(), newFp)
                .withToken("root@pam!before", secret)
                .get("/version");
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.body()).isEmpty();
    }

    private boolean isServing(PveMachine m, String fp) {
        try {
            new SimClient(m.ip(), sim.apiPort(), fp).get("/version");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void theCorosyncNodeListOfAStandaloneNodeIsEmpty() {
        Response r = SimClient.token(sim).get("/cluster/config/nodes");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().isArray()).isTrue();
        assertThat(r.data()).isEmpty();
    }

    @Test
    void joinInfoOfAStandaloneNodeIs424() throws Exception {
        PveMachine a = ops.boot(521, sim.staticAddresses().get(20));
        Response r = GuestOps.root(sim, a).get("/cluster/config/join");
        assertThat(r.status()).isEqualTo(424);
        assertThat(r.reason()).isEqualTo("node is not in a cluster, no join info available!");
    }

    @Test
    void clusterCreateWithARootTokenIsForbidden() throws Exception {
        PveMachine a = named(531, 30, "zeta");
        Response tok = GuestOps.root(sim, a).post("/access/users/root@pam/token/ci", Map.of("privsep", "0"));
        SimClient token = new SimClient(
                        a.ip(), sim.apiPort(), a.servedCertificate().fingerprint())
                .withToken("root@pam!ci", tok.data().path("value").asText());
        Response r = token.post("/cluster/config", Map.of("clustername", "x"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Permission check failed (user != root@pam)");
    }

    @Test
    void joiningAnUnrenamedCloneFailsTheJoinableCheck() throws Exception {
        PveMachine a = named(541, 40, "eta");
        assertThat(sim.awaitTask(
                        GuestOps.root(sim, a)
                                .post("/cluster/config", Map.of("clustername", "lab4"))
                                .data()
                                .asText(),
                        GuestOps.WAIT))
                .isEqualTo("OK");
        PveMachine clone = ops.boot(542, sim.staticAddresses().get(41));
        String upid = join(clone, a);
        assertThat(sim.awaitTask(upid, GuestOps.WAIT)).isEqualTo("Check if node may join a cluster failed!");
        var log = clone.tasks().find(upid).orElseThrow().lines();
        assertThat(log)
                .contains("detected the following error(s):")
                .anyMatch(l -> l.startsWith("* local node address: cannot use IP '"));
    }

    @Test
    void clusterCreateNeedsTheNodeNameOnANonLoopbackAddress() throws Exception {
        PveMachine a = ops.boot(561, sim.staticAddresses().get(60));
        var st = ops.exec(
                561,
                "hostnamectl set-hostname lonely && printf '127.0.1.1 lonely\\n' > /etc/hosts"
                        + " && pvecm updatecerts");
        assertThat(st.path("exitcode").asInt()).isZero();
        Response r = GuestOps.root(sim, a).post("/cluster/config", Map.of("clustername", "x"));
        // ClusterConfig.pm create: only an existing corosync.conf fails before the worker starts
        assertThat(r.status()).isEqualTo(200);
        assertThat(sim.awaitTask(r.data().asText(), GuestOps.WAIT))
                .isEqualTo("address lookup for 'lonely' did not find any IP address");
        assertThat(a.pmxcfs().corosync()).isEmpty();
    }

    @Test
    void joinInfoNodelistHasCorosyncKeysPlusAddressAndFingerprint() throws Exception {
        PveMachine a = named(591, 50, "xi");
        SimClient root = GuestOps.root(sim, a);
        assertThat(sim.awaitTask(
                        root.post("/cluster/config", Map.of("clustername", "lab9"))
                                .data()
                                .asText(),
                        GuestOps.WAIT))
                .isEqualTo("OK");
        var entry = root.get("/cluster/config/join").data().path("nodelist").get(0);
        // pve-cluster:src/PVE/API2/ClusterConfig.pm join_info: Corosync.pm nodelist entries, no "node" key
        assertThat(entry.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("name", "nodeid", "quorum_votes", "ring0_addr", "pve_addr", "pve_fp");
        assertThat(entry.path("pve_addr").asText()).isEqualTo(a.ip());
    }

    @Test
    void addnodeOnAClusterWithoutQuorumFails() throws Exception {
        PveMachine a = named(592, 51, "omicron");
        SimClient root = GuestOps.root(sim, a);
        assertThat(sim.awaitTask(
                        root.post("/cluster/config", Map.of("clustername", "lab10"))
                                .data()
                                .asText(),
                        GuestOps.WAIT))
                .isEqualTo("OK");
        Response first = root.post(
                "/cluster/config/nodes/pi",
                Map.of("new_node_ip", sim.staticAddresses().get(52)));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        // two configured votes, one online: no quorum until "pi" runs corosync
        Response second = root.post(
                "/cluster/config/nodes/rho",
                Map.of("new_node_ip", sim.staticAddresses().get(53)));
        assertThat(second.status()).isEqualTo(500);
        assertThat(second.reason()).isEqualTo("cluster not ready - no quorum?");
    }

    @Test
    void joiningANodeThatHoldsGuestsFailsTheJoinableCheck() throws Exception {
        PveMachine a = named(593, 54, "sigma");
        PveMachine b = named(594, 55, "tau");
        assertThat(sim.awaitTask(
                        GuestOps.root(sim, a)
                                .post("/cluster/config", Map.of("clustername", "lab11"))
                                .data()
                                .asText(),
                        GuestOps.WAIT))
                .isEqualTo("OK");
        SimClient rootB = GuestOps.root(sim, b);
        Response vm = rootB.post("/nodes/tau/qemu", Map.of("vmid", "100", "memory", "512"));
        assertThat(sim.awaitTask(vm.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        String upid = join(b, a);
        assertThat(sim.awaitTask(upid, GuestOps.WAIT)).isEqualTo("Check if node may join a cluster failed!");
        assertThat(b.tasks().find(upid).orElseThrow().lines()).contains("* this host already contains virtual guests");
    }

    @Test
    void quorumFollowsTheVotesOfTheMembersThatRun() throws Exception {
        PveMachine a = named(595, 56, "upsilon");
        PveMachine b = named(596, 57, "phi");
        SimClient rootA = GuestOps.root(sim, a);
        assertThat(sim.awaitTask(
                        rootA.post("/cluster/config", Map.of("clustername", "lab12"))
                                .data()
                                .asText(),
                        GuestOps.WAIT))
                .isEqualTo("OK");
        assertThat(sim.awaitTask(join(b, a), GuestOps.WAIT)).isEqualTo("OK");
        sim.await(() -> a.cluster().view().quorate(), GuestOps.WAIT, "quorate with both members up");
        Response stop = ops.api().post("/nodes/" + sim.hostNode() + "/qemu/596/status/stop", Map.of());
        assertThat(sim.awaitTask(stop.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        // one of two votes is no majority (votequorum: quorum = expected / 2 + 1)
        var cluster = rootA.get("/cluster/status").data().get(0);
        assertThat(cluster.path("quorate").asInt()).isZero();
        Response create = rootA.post("/nodes/upsilon/qemu", Map.of("vmid", "100", "memory", "512"));
        assertThat(create.reason()).isEqualTo("cluster not ready - no quorum?");
    }

    @Test
    void addnodeRefusesDuplicateNamesAndAddresses() throws Exception {
        PveMachine a = named(571, 70, "lambda");
        SimClient root = GuestOps.root(sim, a);
        assertThat(sim.awaitTask(
                        root.post("/cluster/config", Map.of("clustername", "lab7"))
                                .data()
                                .asText(),
                        GuestOps.WAIT))
                .isEqualTo("OK");
        Response name = root.post(
                "/cluster/config/nodes/lambda",
                Map.of("new_node_ip", sim.staticAddresses().get(71)));
        assertThat(name.reason()).isEqualTo("can't add existing node 'lambda'");
        Response addr = root.post("/cluster/config/nodes/mu", Map.of("new_node_ip", a.ip()));
        assertThat(addr.reason())
                .isEqualTo("corosync: address '" + a.ip() + "' already used on link ring0_addr by node 'lambda'");
    }
}
