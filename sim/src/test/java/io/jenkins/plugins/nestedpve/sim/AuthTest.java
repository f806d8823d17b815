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

/** Authentication and envelope traps on the simulated host (pve-facts §1.3, §1.5, §9.10). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthTest {
    private Simulator sim;

    @BeforeAll
    void start() {
        sim = Simulator.builder().latencyScale(0.01).ssh(false).start();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void wrongTokenSecretIs401WithEmptyBodyAfterTheScaledDelay() {
        SimClient bad = new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint())
                .withToken(sim.tokenId(), "00000000-0000-0000-0000-000000000000");
        long t0 = System.nanoTime();
        Response r = bad.get("/version");
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo("Authentication failed!");
        assertThat(r.body()).isEmpty();
        assertThat(elapsedMs).isGreaterThanOrEqualTo(Duration.ofSeconds(3).toMillis() / 100);
    }

    @Test
    void errorTextIsTheReasonPhraseAndTheMessage() {
        Response r = SimClient.token(sim).post("/nodes/" + sim.hostNode() + "/qemu/9000/status/reboot", Map.of());
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("VM 9000 not running");
        assertThat(r.json().path("message").asText()).isEqualTo("VM 9000 not running\n");
    }

    @Test
    void rootPasswordGivesATicketOnTheHost() {
        SimClient root = new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint())
                .login("root@pam", sim.hostRootPassword());
        assertThat(root.get("/nodes/" + sim.hostNode() + "/status").status()).isEqualTo(200);
    }

    @Test
    void tokenWithoutSysModifyStillReadsNodeStatusAsAuditor() {
        Response r = SimClient.token(sim).get("/nodes/" + sim.hostNode() + "/status");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().path("loadavg").get(0).isTextual()).isTrue();
        assertThat(r.data().path("cpuinfo").path("hvm").asText()).isEqualTo("1");
        assertThat(r.data().path("pveversion").asText()).startsWith("pve-manager/9.1.");
    }

    @Test
    void clusterCreateByTheCiTokenIsForbidden() {
        Response r = SimClient.token(sim).post("/cluster/config", Map.of("clustername", "x"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Permission check failed (user != root@pam)");
    }

    @Test
    void tokenPermissionsListTheCiRoles() {
        var perms = SimClient.token(sim).get("/access/permissions").data();
        assertThat(perms.path("/vms").has("VM.Clone")).isTrue();
        assertThat(perms.path("/storage").has("Datastore.AllocateSpace")).isTrue();
        assertThat(perms.path("/").has("Sys.Audit")).isTrue();
        assertThat(perms.path("/").has("Sys.Modify")).isFalse();
    }

    @Test
    void aRootOnlyCallThatIsAlsoInvalidIsRefusedForThePermissionFirst() {
        Response r = SimClient.token(sim).post("/cluster/config", Map.of("clustername", "not a name!", "nodeid", "x"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Permission check failed (user != root@pam)");
    }

    @Test
    void theDeclaredPermissionPathIsFilledFromTheUnvalidatedParameters() {
        UserDb users = sim.host().pmxcfs().users();
        users.addUser("nobody@pve");
        String secret = users.addToken("nobody@pve", "tk", false, 0, null);
        SimClient nobody =
                new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint()).withToken("nobody@pve!tk", secret);

        Response r = nobody.get("/nodes/" + sim.hostNode() + "/qemu/abc/status/current");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Permission check failed (/vms/abc, VM.Audit)");
    }

    @Test
    void withThePrivilegeTheSameInvalidRequestFailsItsParameterCheck() {
        Response r = SimClient.token(sim).get("/nodes/" + sim.hostNode() + "/qemu/abc/status/current");
        assertThat(r.status()).isEqualTo(400);
    }
}
