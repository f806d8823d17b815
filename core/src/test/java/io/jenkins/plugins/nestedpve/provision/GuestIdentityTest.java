package io.jenkins.plugins.nestedpve.provision;

import static io.jenkins.plugins.nestedpve.cluster.ScriptedShell.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.cluster.ScriptedShell;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.sim.tls.PveCa;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuestIdentityTest {
    private static final String API_FP =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    private static final String PASSWORD = "s3cret'$(reboot)`x`";

    private final GuestIdentity identity =
            new GuestIdentity("np-ci-42-n1", "10.0.0.10", GuestIdentity.DEFAULT_DOMAIN, Secret.of(PASSWORD));

    private static final PveCa CERT = ca();

    private static PveCa ca() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return PveCa.create(g.generateKeyPair(), UUID.randomUUID(), Clock.systemUTC());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the script prints when every step succeeds, then the served certificate. */
    private String succeeded() {
        StringBuilder out = new StringBuilder();
        identity.steps()
                .forEach(s ->
                        out.append(GuestIdentity.STEP_MARK).append(s.label()).append('\n'));
        return out.append(GuestIdentity.DONE_MARK)
                .append('\n')
                .append(CERT.pem())
                .toString();
    }

    private ScriptedShell scriptedGuest() {
        return new ScriptedShell().on(identity.script(), ok(succeeded()));
    }

    @Test
    void stepsCoverEveryPartOfTheIdentityInOrder() {
        assertThat(identity.steps())
                .extracting(IdentityStep::label)
                .containsExactly(
                        "set hostname",
                        "write /etc/hostname",
                        "write /etc/hosts",
                        "reset machine-id",
                        "set root password (via stdin)",
                        "restart pve-cluster",
                        "regenerate certificates",
                        "restart pvedaemon",
                        "restart pveproxy");
    }

    @Test
    void commandsAreTheExpectedLines() {
        List<String> commands =
                identity.steps().stream().map(IdentityStep::command).toList();
        assertThat(commands)
                .contains(
                        "hostnamectl set-hostname np-ci-42-n1",
                        "printf '%s\\n' np-ci-42-n1 > /etc/hostname",
                        "printf '%s\\n' \"$identity_input\" | chpasswd",
                        "pvecm updatecerts --force",
                        "systemctl restart pveproxy");
        assertThat(commands.get(2))
                .startsWith("printf '%s\\n' '127.0.0.1 localhost.localdomain localhost'"
                        + " '10.0.0.10 np-ci-42-n1.nested-pve.internal np-ci-42-n1' ''")
                .endsWith(" > /etc/hosts");
    }

    @Test
    void theIdentityIsOneScriptRunOnceWithEveryStepChained() throws Exception {
        ScriptedShell guest = scriptedGuest();
        identity.apply(guest, Duration.ofSeconds(30));

        assertThat(guest.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.command()).isEqualTo(identity.script()));
        String script = identity.script();
        assertThat(script).startsWith("IFS= read -r identity_input &&\n");
        identity.steps().forEach(s -> assertThat(script).contains(s.command() + " &&\n"));
        assertThat(script.indexOf("hostnamectl")).isLessThan(script.indexOf("chpasswd"));
        assertThat(script.indexOf("chpasswd")).isLessThan(script.indexOf("pvecm updatecerts"));
    }

    @Test
    void aRerunKeepsTheMachineIdItMadeAndWritesEveryFileWhole() {
        String machineId = identity.steps().get(3).command();
        assertThat(machineId)
                .isEqualTo("[ \"$(cat /var/lib/nested-pve-machine-id.node 2>/dev/null)\" = np-ci-42-n1 ] || {"
                        + " rm -f /etc/machine-id /var/lib/dbus/machine-id && systemd-machine-id-setup"
                        + " && printf '%s\\n' np-ci-42-n1 > /var/lib/nested-pve-machine-id.node; }");
        assertThat(identity.script()).doesNotContain(">>").doesNotContain("sed -i");
    }

    @Test
    void passwordTravelsOnlyOnStdin() throws Exception {
        ScriptedShell guest = scriptedGuest();
        identity.apply(guest, Duration.ofSeconds(30));
        assertThat(guest.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.stdin()).isEqualTo("root:" + PASSWORD + "\n"));
        assertThat(guest.commands()).noneMatch(c -> c.contains("s3cret"));
        assertThat(identity.steps())
                .allSatisfy(
                        s -> assertThat(s.toString() + s.label() + s.command()).doesNotContain("s3cret"));
        assertThat(identity.toString()).doesNotContain("s3cret");
    }

    @Test
    void theScriptRunsAsIdempotentSoAReconnectingRunnerRunsItAgainAfterADrop() throws Exception {
        List<String> labels = new ArrayList<>();
        ScriptedShell guest = scriptedGuest();
        SecretInputRunner runner = new SecretInputRunner() {
            @Override
            public ExecResult run(String command, Duration timeout) throws InterruptedException {
                return guest.run(command, timeout);
            }

            @Override
            public ExecResult runWithSecretInput(String command, String secretInput, Duration timeout) {
                throw new AssertionError("the identity script must be declared idempotent");
            }

            @Override
            public ExecResult runIdempotentWithSecretInput(
                    String command, String label, String secretInput, Duration timeout) {
                labels.add(label);
                return guest.runWithSecretInput(command, secretInput, timeout);
            }
        };
        identity.apply(runner, Duration.ofSeconds(30));
        assertThat(labels).containsExactly("identity script");
    }

    @Test
    void applyReturnsTheServedCertificatesFingerprint() throws Exception {
        IdentityResult r = identity.apply(scriptedGuest(), Duration.ofSeconds(30));
        assertThat(r.apiFingerprintIfRead()).contains(CERT.fingerprint());
    }

    @Test
    void hostKeysAreNotTouchedOverSshTheyWereMadeThroughTheAgentBeforeTheFirstConnection() {
        assertThat(identity.script()).doesNotContain("ssh_host_").doesNotContain("ssh-keygen");
    }

    @Test
    void aFailingStepStopsAndNamesNodeStepAndErrorButNotThePassword() {
        ScriptedShell guest = new ScriptedShell()
                .on(
                        identity.script(),
                        new ExecResult(
                                1,
                                GuestIdentity.STEP_MARK + "set hostname\n" + GuestIdentity.STEP_MARK
                                        + "set root password (via stdin)\n",
                                "chpasswd: (line 1, user root) password not changed: " + PASSWORD));
        assertThatThrownBy(() -> identity.apply(guest, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(GuestIdentityException.class, e -> {
                    assertThat(e.node()).isEqualTo("np-ci-42-n1");
                    assertThat(e.step()).isEqualTo("set root password (via stdin)");
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.getMessage())
                            .contains("failed at 'set root password (via stdin)' (exit 1)")
                            .contains("password not changed: ****")
                            .doesNotContain("s3cret");
                });
    }

    @Test
    void unsafeValuesAreRejectedBeforeAnyCommandIsBuilt() {
        Secret pw = Secret.of("x");
        assertThatThrownBy(() -> new GuestIdentity("n1; reboot", "10.0.0.1", "lab", pw))
                .hasMessageContaining("DNS label");
        assertThatThrownBy(() -> new GuestIdentity("n1", "10.0.0.1 $(id)", "lab", pw))
                .hasMessageContaining("IP address");
        assertThatThrownBy(() -> new GuestIdentity("n1", "10.0.0.1", "lab'x", pw))
                .hasMessageContaining("DNS name");
        assertThatThrownBy(() -> new GuestIdentity("n1", "10.0.0.1", "lab", Secret.of("a\nb")))
                .hasMessageContaining("one non-empty line");
    }

    @Test
    void unreadableCertificateLeavesTheFingerprintEmpty() throws Exception {
        ScriptedShell guest = new ScriptedShell().on(identity.script(), ok(GuestIdentity.DONE_MARK + "\n"));
        assertThat(identity.apply(guest, Duration.ofSeconds(30)).apiFingerprintIfRead())
                .isEmpty();
        assertThat(GuestIdentity.apiFingerprint("SHA256 Fingerprint=" + API_FP)).isEqualTo(API_FP);
    }
}
