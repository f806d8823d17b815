package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.UserDb;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Clones into a resource pool and the privileges pool members inherit from {@code /pool/<pool>}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolPermissionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private Simulator sim;
    private SimClient api;
    private UserDb users;
    private String node;

    @BeforeAll
    void start() {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        node = sim.hostNode();
        users = sim.host().pmxcfs().users();
        users.addPool("ci");
        users.addVmToPool(9000, "ci");
        users.addUser("pool@pve");
        String secret = users.addToken("pool@pve", "tok", true, 0, null);
        for (String who : new String[] {"pool@pve", "pool@pve!tok"}) {
            users.grant("/pool/ci", who, "PVEVMAdmin", true);
            users.grant("/storage", who, "PVEDatastoreUser", true);
            users.grant("/sdn/zones/localnetwork", who, "PVESDNUser", true);
        }
        api = new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint()).withToken("pool@pve!tok", secret);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void aCloneNamingThePoolIsAllowedByThePoolsAclAndJoinsThePool() throws Exception {
        Response r = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", "301", "pool", "ci"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        sim.awaitTask(r.data().asText(), WAIT);

        assertThat(users.poolOf(301)).contains("ci");
        // a member's /vms/<id> gets the pool's roles: configuring it needs no ACL on /vms
        Response cfg = api.post("/nodes/" + node + "/qemu/301/config", Map.of("memory", "1024"));
        assertThat(cfg.status()).as(cfg.toString()).isEqualTo(200);
        assertThat(api.get("/access/permissions").data().path("/vms/301").has("VM.Allocate"))
                .isTrue();

        Response del = api.delete("/nodes/" + node + "/qemu/301", Map.of());
        assertThat(del.status()).as(del.toString()).isEqualTo(200);
        sim.awaitTask(del.data().asText(), WAIT);
        assertThat(users.poolOf(301)).isEmpty();
    }

    @Test
    void withoutThePoolTheCloneIsRefused() {
        Response r = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", "302"));

        assertThat(r.status()).isEqualTo(403);
        assertThat(sim.vm(302)).isEmpty();
    }

    @Test
    void anUnknownPoolIsRefused() {
        users.grant("/pool/nope", "pool@pve", "PVEVMAdmin", true);
        users.grant("/pool/nope", "pool@pve!tok", "PVEVMAdmin", true);

        Response r = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", "303", "pool", "nope"));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).contains("pool 'nope' does not exist");
    }
}
