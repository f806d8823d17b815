package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PVE programs and kernel-module switches over real SSH (pve-facts §5.6, §6, §7). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshProgramsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Simulator sim;

    @BeforeAll
    void start() {
        sim = Simulator.builder()
                .latencyScale(0.001)
                .sshPort(0)
                .cpuVendor(CpuVendor.AMD)
                .hostNesting(false)
                .start();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private SshRun.Result onHost(String cmd) throws Exception {
        return SshRun.run(sim.host(), sim.hostSshPort(), sim.hostRootPassword(), cmd, "");
    }

    @Test
    void hostSshFingerprintIsTheEd25519KeyTheHostPresents() throws Exception {
        AtomicReference<String> presented = new AtomicReference<>();
        SshClient client = SshClient.setUpDefaultClient();
        client.setSignatureFactories(List.of(BuiltinSignatures.ed25519));
        client.setServerKeyVerifier((session, addr, key) -> {
            presented.set(HostKeys.fingerprint(key));
            return true; // recorded, then compared below; the session is never used
        });
        client.start();
        try (ClientSession s = client.connect("root", sim.hostAddress(), sim.hostSshPort())
                .verify(Duration.ofSeconds(10))
                .getSession()) {
            s.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.WAIT_AUTH), Duration.ofSeconds(10));
        } finally {
            client.stop();
        }
        assertThat(sim.hostSshFingerprint()).startsWith("SHA256:").isEqualTo(presented.get());
    }

    @Test
    void amdNestedParameterReadsZeroWhenOff() throws Exception {
        SshRun.Result r = onHost("cat /sys/module/kvm_amd/parameters/nested; cat /etc/modprobe.d/kvm-amd.conf");
        assertThat(r.out()).isEqualTo("0\noptions kvm-amd nested=0\n");
    }

    @Test
    void moduleReloadFailsWhileAVmRuns() throws Exception {
        SimClient api = SimClient.token(sim);
        Response c = api.post("/nodes/" + sim.hostNode() + "/qemu/9000/clone", Map.of("newid", "801"));
        assertThat(sim.awaitTask(c.data().asText(), WAIT)).isEqualTo("OK");
        Response s = api.post("/nodes/" + sim.hostNode() + "/qemu/801/status/start", Map.of());
        assertThat(sim.awaitTask(s.data().asText(), WAIT)).isEqualTo("OK");
        SshRun.Result r = onHost("modprobe -r kvm_amd");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("modprobe: FATAL: Module kvm_amd is in use.\n");
        Response stop = api.post("/nodes/" + sim.hostNode() + "/qemu/801/status/stop", Map.of());
        assertThat(sim.awaitTask(stop.data().asText(), WAIT)).isEqualTo("OK");
    }

    @Test
    void pveversionPrintsManagerAndKernel() throws Exception {
        SshRun.Result r = onHost("pveversion");
        assertThat(r.out()).matches("pve-manager/9\\.1\\.\\d+/[0-9a-f]{16} \\(running kernel: [^)]+-pve\\)\n");
        SshRun.Result v = onHost("pveversion -v | grep -E '^(proxmox-ve|pve-manager):'");
        assertThat(v.out()).startsWith("proxmox-ve: 9.1.0 (running kernel: ").contains("\npve-manager: 9.1.");
    }

    @Test
    void pvecmStatusWithoutClusterFails() throws Exception {
        SshRun.Result r = onHost("pvecm status");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err())
                .isEqualTo("Error: Corosync config '/etc/pve/corosync.conf' does not exist - is this node"
                        + " part of a cluster?\n");
    }

    @Test
    void guestRunsPve84ProgramsOverItsOwnSsh() throws Exception {
        SimClient api = SimClient.token(sim);
        Response c = api.post("/nodes/" + sim.hostNode() + "/qemu/9000/clone", Map.of("newid", "802"));
        assertThat(sim.awaitTask(c.data().asText(), WAIT)).isEqualTo("OK");
        Response s = api.post("/nodes/" + sim.hostNode() + "/qemu/802/status/start", Map.of());
        assertThat(sim.awaitTask(s.data().asText(), WAIT)).isEqualTo("OK");
        PveMachine g = sim.awaitGuest(802, WAIT);
        SshRun.Result r = SshRun.run(
                g,
                g.servers().sshPort(),
                sim.guestRootPassword(),
                "pveversion; pve8to9 --full | grep -E 'SUMMARY|FAILURES'",
                "");
        assertThat(r.out())
                .startsWith("pve-manager/8.4.")
                .contains("FAILURES: ")
                .contains("\u001b[");
        assertThat(r.exit()).isZero();
    }

    @Test
    void pvecmCreateAndStatusOnAGuest() throws Exception {
        GuestOps ops = new GuestOps(sim);
        PveMachine g = ops.boot(803, sim.staticAddresses().get(0));
        ops.rename(803, g, "solo");
        SshRun.Result create =
                SshRun.run(g, g.servers().sshPort(), sim.guestRootPassword(), "pvecm create guestlab", "");
        assertThat(create.exit()).as(create.err()).isZero();
        SshRun.Result st = SshRun.run(g, g.servers().sshPort(), sim.guestRootPassword(), "pvecm status", "");
        assertThat(st.out())
                .contains("Name:             guestlab\n")
                .contains("Quorate:          Yes\n")
                .contains("0x00000001          1 " + g.ip() + " (local)\n");
        SshRun.Result nodes = SshRun.run(g, g.servers().sshPort(), sim.guestRootPassword(), "pvecm nodes", "");
        assertThat(nodes.out())
                .startsWith("\nMembership information\n----------------------\n")
                .contains("         1          1 solo (local)\n");
    }

    @Test
    void pvecmAddReadsThePeerPasswordFromStdin() throws Exception {
        GuestOps ops = new GuestOps(sim);
        PveMachine a = ops.boot(804, sim.staticAddresses().get(5));
        ops.rename(804, a, "first");
        PveMachine b = ops.boot(805, sim.staticAddresses().get(6));
        ops.rename(805, b, "second");
        String pw = sim.guestRootPassword();
        assertThat(SshRun.run(a, a.servers().sshPort(), pw, "pvecm create duo", "")
                        .exit())
                .isZero();
        String cmd = "pvecm add " + a.ip() + " --fingerprint "
                + a.servedCertificate().fingerprint();
        SshRun.Result r = SshRun.run(b, b.servers().sshPort(), pw, cmd, pw + "\n");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Login succeeded.\n").endsWith("successfully added node 'second' to cluster.\n");
        sim.await(() -> a.cluster().view().quorate(), WAIT, "the two-node cluster is quorate");
    }

    @Test
    void qmListShowsTheTemplate() throws Exception {
        SshRun.Result r = onHost("qm list");
        assertThat(r.out())
                .startsWith("      VMID NAME                 STATUS     MEM(MB)")
                .contains("      9000 pve84-tmpl           stopped    4096");
    }

    @Test
    void opensslReadsTheServedFingerprintFromEtcPve() throws Exception {
        SshRun.Result r = onHost("openssl x509 -noout -fingerprint -sha256 -in /etc/pve/local/pve-ssl.pem");
        assertThat(r.out()).isEqualTo("sha256 Fingerprint=" + sim.fingerprint() + "\n");
    }
}
