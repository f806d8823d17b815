package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.util.List;
import java.util.Map;

/** A nested PVE cluster formed by hand from three guests (as the tool forms one), for upgrade-trial tests. */
final class NestedCluster {
    private NestedCluster() {}

    /** Boots, renames and joins three guests {@code <prefix>1..3} with VMIDs {@code firstVmid..+2}. */
    static List<PveMachine> form(Simulator sim, int firstVmid, int firstStatic, String prefix) throws Exception {
        GuestOps ops = new GuestOps(sim);
        PveMachine a = ClusterTest.named(sim, ops, firstVmid, firstStatic, prefix + "1");
        PveMachine b = ClusterTest.named(sim, ops, firstVmid + 1, firstStatic + 1, prefix + "2");
        PveMachine c = ClusterTest.named(sim, ops, firstVmid + 2, firstStatic + 2, prefix + "3");
        Response create = GuestOps.root(sim, a).post("/cluster/config", Map.of("clustername", prefix));
        assertThat(sim.awaitTask(create.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        for (PveMachine joiner : List.of(b, c)) {
            Response r = GuestOps.root(sim, joiner)
                    .post(
                            "/cluster/config/join",
                            Map.of(
                                    "hostname",
                                    a.ip(),
                                    "fingerprint",
                                    a.servedCertificate().fingerprint(),
                                    "password",
                                    sim.guestRootPassword()));
            assertThat(sim.awaitTask(r.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
            sim.await(() -> a.cluster().view().quorate() && joiner.isUp(), GuestOps.WAIT, "quorate after a join");
        }
        sim.await(() -> a.cluster().view().onlineVotes() == 3, GuestOps.WAIT, "all three members online");
        return List.of(a, b, c);
    }

    /** root@pam on {@code node}'s own API, pinned to the certificate it serves now. */
    static SimClient root(Simulator sim, PveMachine node) {
        return GuestOps.root(sim, node);
    }
}
