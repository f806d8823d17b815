package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Guests cloned from a PVE template boot into PVE nodes with their own API (pve-facts §3, §6). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Simulator sim;
    private SimClient api;
    private String node;

    @BeforeAll
    void start() {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        api = SimClient.token(sim);
        node = sim.hostNode();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    /** Clones the template, applies {@code config}, starts it and waits for the guest OS. */
    private PveMachine boot(int vmid, Map<String, String> config) throws Exception {
        Response c = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", Integer.toString(vmid)));
        assertThat(sim.awaitTask(c.data().asText(), WAIT)).isEqualTo("OK");
        if (!config.isEmpty()) {
            assertThat(api.put("/nodes/" + node + "/qemu/" + vmid + "/config", config)
                            .status())
                    .isEqualTo(200);
        }
        Response s = api.post("/nodes/" + node + "/qemu/" + vmid + "/status/start", Map.of());
        assertThat(sim.awaitTask(s.data().asText(), WAIT)).isEqualTo("OK");
        return sim.awaitGuest(vmid, WAIT);
    }

    private SimClient rootOn(PveMachine guest) {
        return new SimClient(
                        guest.ip(), sim.apiPort(), guest.servedCertificate().fingerprint())
                .login("root@pam", sim.guestRootPassword());
    }

    @Test
    void guestAnswersOnItsStaticCloudInitAddressWithItsOwnPveApi() throws Exception {
        String ip = sim.staticAddresses().get(0);
        PveMachine guest = boot(401, Map.of("ipconfig0", "ip=" + ip + "/24,gw=" + sim.hostAddress()));
        assertThat(guest.ip()).isEqualTo(ip);
        Response v = rootOn(guest).get("/version");
        assertThat(v.data().path("release").asText()).isEqualTo("8.4");
    }

    @Test
    void guestWithoutStaticAddressGetsADhcpLeaseFromThePool() throws Exception {
        PveMachine guest = boot(402, Map.of());
        int last = Integer.parseInt(guest.ip().substring(guest.ip().lastIndexOf('.') + 1));
        assertThat(last).isBetween(100, 199);
    }

    @Test
    void clonesInheritTheTemplateIdentityAndCertificate() throws Exception {
        PveMachine a = boot(403, Map.of());
        PveMachine b = boot(404, Map.of());
        assertThat(a.nodeName()).isEqualTo(b.nodeName()).isEqualTo("pve84-tmpl");
        assertThat(a.servedCertificate().fingerprint())
                .isEqualTo(b.servedCertificate().fingerprint());
        assertThat(a.fs().read("/etc/machine-id")).isEqualTo(b.fs().read("/etc/machine-id"));
    }

    @Test
    void cpuHostOnANestingHostExposesHvm() throws Exception {
        PveMachine guest = boot(405, Map.of("cpu", "host"));
        var cpuinfo = rootOn(guest)
                .get("/nodes/" + guest.nodeName() + "/status")
                .data()
                .path("cpuinfo");
        assertThat(cpuinfo.path("hvm").asText()).isEqualTo("1");
        assertThat(cpuinfo.path("flags").asText()).contains(" vmx ");
        assertThat(guest.fs().exists("/dev/kvm")).isTrue();
    }

    @Test
    void defaultCpuModelHidesVirtualizationAndHvmIsEmptyString() throws Exception {
        PveMachine guest = boot(406, Map.of());
        var cpuinfo = rootOn(guest)
                .get("/nodes/" + guest.nodeName() + "/status")
                .data()
                .path("cpuinfo");
        assertThat(cpuinfo.path("hvm").isTextual()).isTrue();
        assertThat(cpuinfo.path("hvm").asText()).isEmpty();
        assertThat(guest.fs().exists("/dev/kvm")).isFalse();
    }

    @Test
    void l2VmWithKvmFailsToStartInsideAGuestWithoutVirtualization() throws Exception {
        PveMachine guest = boot(407, Map.of());
        SimClient root = rootOn(guest);
        String g = guest.nodeName();
        Response create = root.post("/nodes/" + g + "/qemu", Map.of("vmid", "100", "memory", "512"));
        assertThat(sim.awaitTask(create.data().asText(), WAIT)).isEqualTo("OK");
        Response start = root.post("/nodes/" + g + "/qemu/100/status/start", Map.of());
        assertThat(sim.awaitTask(start.data().asText(), WAIT))
                .isEqualTo("KVM virtualisation configured, but not available. Either disable in VM configuration"
                        + " or enable in BIOS.");
    }

    @Test
    void agentReportsThePveGuestAddressOnVmbr0() throws Exception {
        PveMachine guest = boot(408, Map.of());
        var result = api.get("/nodes/" + node + "/qemu/408/agent/network-get-interfaces")
                .data()
                .path("result");
        var vmbr0 = StreamSupport.stream(result.spliterator(), false)
                .filter(n -> n.path("name").asText().equals("vmbr0"))
                .findFirst()
                .orElseThrow();
        assertThat(vmbr0.path("ip-addresses").get(0).path("ip-address").asText())
                .isEqualTo(guest.ip());
        var ens18 = StreamSupport.stream(result.spliterator(), false)
                .filter(n -> n.path("name").asText().equals("ens18"))
                .findFirst()
                .orElseThrow();
        assertThat(ens18.path("ip-addresses")).isEmpty();
    }

    @Test
    void stoppingTheVmTakesTheGuestOffTheNetwork() throws Exception {
        PveMachine guest = boot(409, Map.of());
        String ip = guest.ip();
        Response stop = api.post("/nodes/" + node + "/qemu/409/status/stop", Map.of());
        assertThat(sim.awaitTask(stop.data().asText(), WAIT)).isEqualTo("OK");
        assertThat(sim.machine(ip)).isEmpty();
        assertThat(guest.isUp()).isFalse();
    }

    @Test
    void rebootFromInsideTheGuestBringsItBackOnTheSameAddress() throws Exception {
        PveMachine guest = boot(410, Map.of());
        java.time.Instant firstBoot = guest.bootedAt();
        Response r =
                api.postJson("/nodes/" + node + "/qemu/410/agent/exec", Map.of("command", java.util.List.of("reboot")));
        assertThat(r.status()).isEqualTo(200);
        sim.await(() -> guest.isUp() && guest.bootedAt().isAfter(firstBoot), WAIT, "the guest has rebooted");
        assertThat(sim.machine(guest.ip())).contains(guest);
        assertThat(sim.vm(410).orElseThrow().running()).isTrue();
    }

    @Test
    void resetOfAStoppedVmFailsSynchronously() throws Exception {
        Response c = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", "411"));
        assertThat(sim.awaitTask(c.data().asText(), WAIT)).isEqualTo("OK");
        Response r = api.post("/nodes/" + node + "/qemu/411/status/reset", Map.of());
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("VM 411 not running");
    }

    @Test
    void resetIsAQmresetTaskAfterWhichTheGuestBootsAgain() throws Exception {
        PveMachine guest = boot(412, Map.of());
        java.time.Instant firstBoot = guest.bootedAt();
        Response r = api.post("/nodes/" + node + "/qemu/412/status/reset", Map.of());
        assertThat(r.data().asText()).contains(":qmreset:412:");
        assertThat(sim.awaitTask(r.data().asText(), WAIT)).isEqualTo("OK");
        sim.await(() -> guest.isUp() && guest.bootedAt().isAfter(firstBoot), WAIT, "the guest has booted again");
        assertThat(sim.vm(412).orElseThrow().running()).isTrue();
    }
}
