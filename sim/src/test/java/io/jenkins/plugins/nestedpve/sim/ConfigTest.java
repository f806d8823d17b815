package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** VM config and lifecycle traps (pve-facts §1.1, §1.5, §3.5-§3.8, §9). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Simulator sim;
    private SimClient api;
    private String base;

    @BeforeAll
    void start() {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).rootToken(true).start();
        api = SimClient.token(sim);
        base = "/nodes/" + sim.hostNode() + "/qemu/";
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private void cloneOf(int newid) throws Exception {
        Response r = api.post(base + "9000/clone", Map.of("newid", Integer.toString(newid)));
        assertThat(sim.awaitTask(r.data().asText(), WAIT)).isEqualTo("OK");
    }

    private String task(Response r) throws Exception {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return sim.awaitTask(r.data().asText(), WAIT);
    }

    @Test
    void urlencodedTrueIsNotABoolean() {
        Response r = api.post(base + "9000/clone", Map.of("newid", "601", "full", "true"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").path("full").asText())
                .isEqualTo("type check ('boolean') failed - got 'true'");
    }

    @Test
    void schemaViolationNamesTheParameter() {
        Response r = api.post(base + "9000/clone", Map.of("newid", "42"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).isEqualTo("Parameter verification failed.");
        assertThat(r.json().path("errors").has("newid")).isTrue();
    }

    @Test
    void rawEqualsSignInAFormValueTruncatesIt() throws Exception {
        cloneOf(602);
        String body = "description=a=b";
        Response r = rawPut(base + "602/config", body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(api.get(base + "602/config").data().path("description").asText())
                .isEqualTo("a");
    }

    private Response rawPut(String path, String body) {
        return SimClient.token(sim).putRaw(path, body);
    }

    @Test
    void argsIsRootPamOnlyEvenForARootToken() throws Exception {
        cloneOf(603);
        SimClient root = new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint())
                .withToken(
                        sim.rootTokenId().orElseThrow(), sim.rootTokenSecret().orElseThrow());
        Response r = root.put(base + "603/config", Map.of("args", "-cpu host"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("only root can set 'args' config");
        SimClient ticket = new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint())
                .login("root@pam", sim.hostRootPassword());
        assertThat(ticket.put(base + "603/config", Map.of("args", "-cpu host")).status())
                .isEqualTo(200);
    }

    @Test
    void skiplockIsRootPamOnlyEvenForARootToken() throws Exception {
        cloneOf(618);
        SimClient root = new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint())
                .withToken(
                        sim.rootTokenId().orElseThrow(), sim.rootTokenSecret().orElseThrow());
        Response r = root.put(base + "618/config", Map.of("description", "x", "skiplock", "1"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").path("skiplock").asText()).isEqualTo("Only root may use this option.");
    }

    @Test
    void sshkeysMustBeStrictlyPercentEncodedAndStayEncoded() throws Exception {
        cloneOf(604);
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBx1 ci@lab";
        Response plus = api.put(base + "604/config", Map.of("sshkeys", key.replace(" ", "+")));
        assertThat(plus.status()).isEqualTo(400);
        assertThat(plus.json().path("errors").path("sshkeys").asText())
                .startsWith("invalid format - invalid urlencoded");
        String encoded = SimClient.enc(key);
        assertThat(api.put(base + "604/config", Map.of("sshkeys", encoded)).status())
                .isEqualTo(200);
        assertThat(api.get(base + "604/config").data().path("sshkeys").asText()).isEqualTo(encoded);
    }

    @Test
    void tagsAreStoredLowerCasedSortedAndJoinedBySemicolon() throws Exception {
        cloneOf(605);
        assertThat(api.put(base + "605/config", Map.of("tags", "Zeta,nested-pve alpha"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get(base + "605/config").data().path("tags").asText()).isEqualTo("alpha;nested-pve;zeta");
    }

    @Test
    void configOnARunningVmGoesPendingUntilTheNextStart() throws Exception {
        cloneOf(606);
        assertThat(task(api.post(base + "606/status/start", Map.of()))).isEqualTo("OK");
        assertThat(api.put(base + "606/config", Map.of("cpu", "host", "name", "renamed"))
                        .status())
                .isEqualTo(200);
        var current = api.get(base + "606/config", Map.of("current", "1")).data();
        assertThat(current.path("cpu").asText()).isEqualTo("x86-64-v2-AES");
        assertThat(current.path("name").asText()).isEqualTo("renamed");
        Map<String, String> pending = sim.vm(606).orElseThrow().withConfig(c -> Map.copyOf(c.pending()));
        assertThat(pending).containsEntry("cpu", "host");
        assertThat(task(api.post(base + "606/status/stop", Map.of()))).isEqualTo("OK");
        assertThat(task(api.post(base + "606/status/start", Map.of()))).isEqualTo("OK");
        assertThat(api.get(base + "606/config", Map.of("current", "1"))
                        .data()
                        .path("cpu")
                        .asText())
                .isEqualTo("host");
    }

    @Test
    void emptyUpdateSaysNoOptionsSpecified() throws Exception {
        cloneOf(607);
        Response r = api.put(base + "607/config", Map.of());
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("no options specified");
    }

    @Test
    void memoryComesBackAsAStringAndCoresAsANumber() throws Exception {
        cloneOf(608);
        var cfg = api.get(base + "608/config").data();
        assertThat(cfg.path("memory").isTextual()).isTrue();
        assertThat(cfg.path("cores").isNumber()).isTrue();
        assertThat(cfg.path("digest").asText()).hasSize(40);
    }

    @Test
    void destroyingARunningVmFailsSynchronously() throws Exception {
        cloneOf(609);
        assertThat(task(api.post(base + "609/status/start", Map.of()))).isEqualTo("OK");
        Response r = api.delete(base + "609", Map.of("purge", "1", "destroy-unreferenced-disks", "1"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("VM 609 is running - destroy failed");
    }

    @Test
    void missingVmNamesItsConfigFile() {
        Response r = api.delete(base + "610", Map.of("purge", "1"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason())
                .isEqualTo("Configuration file 'nodes/" + sim.hostNode() + "/qemu-server/610.conf' does not exist");
    }

    @Test
    void destroyingATemplateWithLinkedClonesFailsInTheTask() throws Exception {
        cloneOf(611);
        String status = task(api.delete(base + "9000", Map.of("purge", "1")));
        assertThat(status).isEqualTo("base volume 'local-lvm:base-9000-disk-0' is still in use by linked cloned");
    }

    @Test
    void rebootOfAStoppedVmIsASynchronous500() throws Exception {
        cloneOf(612);
        Response r = api.post(base + "612/status/reboot", Map.of());
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("VM 612 not running");
    }

    @Test
    void startingATemplateFailsInTheTask() throws Exception {
        assertThat(task(api.post(base + "9000/status/start", Map.of())))
                .isEqualTo("you can't start a vm if it's a template");
    }

    @Test
    void startingARunningVmFailsInTheTask() throws Exception {
        cloneOf(613);
        assertThat(task(api.post(base + "613/status/start", Map.of()))).isEqualTo("OK");
        assertThat(task(api.post(base + "613/status/start", Map.of()))).isEqualTo("VM 613 already running");
    }

    @Test
    void createWithAUsedIdNamesTheNode() throws Exception {
        Response r = api.post("/nodes/" + sim.hostNode() + "/qemu", Map.of("vmid", "9000", "memory", "512"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason())
                .isEqualTo("unable to create VM 9000 - VM 9000 already exists on node '" + sim.hostNode() + "'");
    }

    @Test
    void deletedVmIsGoneAfterTheTask() throws Exception {
        cloneOf(614);
        assertThat(task(api.delete(base + "614", Map.of("purge", "1", "destroy-unreferenced-disks", "1"))))
                .isEqualTo("OK");
        assertThat(sim.vm(614)).isEmpty();
    }

    @Test
    void shutdownOfAVmWithoutABootedOsTimesOutUnlessForced() throws Exception {
        Response c = api.post("/nodes/" + sim.hostNode() + "/qemu", Map.of("vmid", "616", "memory", "512"));
        assertThat(task(c)).isEqualTo("OK");
        assertThat(task(api.post(base + "616/status/start", Map.of()))).isEqualTo("OK");
        assertThat(task(api.post(base + "616/status/shutdown", Map.of("timeout", "5"))))
                .isEqualTo("VM quit/powerdown failed - got timeout");
        assertThat(task(api.post(base + "616/status/shutdown", Map.of("timeout", "5", "forceStop", "1"))))
                .isEqualTo("OK");
        assertThat(sim.vm(616).orElseThrow().running()).isFalse();
    }
}
