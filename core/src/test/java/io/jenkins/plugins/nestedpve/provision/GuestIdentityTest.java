package io.jenkins.plugins.nestedpve.provision;

import static io.jenkins.plugins.nestedpve.cluster.ScriptedShell.fail;
import static io.jenkins.plugins.nestedpve.cluster.ScriptedShell.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.cluster.ScriptedShell;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuestIdentityTest {
    private static final String API_FP =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    private static final String PASSWORD = "s3cret'$(reboot)`x`";

    private final GuestIdentity identity =
            new GuestIdentity("np-ci-42-n1", "10.0.0.10", GuestIdentity.DEFAULT_DOMAIN, Secret.of(PASSWORD));

    private ScriptedShell scriptedGuest() {
        ScriptedShell guest = new ScriptedShell();
        identity.steps().forEach(s -> guest.on(s.command(), ok("")));
        guest.on(
                "openssl x509 -noout -fingerprint -sha256 -in /etc/pve/nodes/np-ci-42-n1/pve-ssl.pem",
                ok("sha256 Fingerprint=" + API_FP.toLowerCase() + "\n"));
        return guest;
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
                        "rm -f /etc/machine-id /var/lib/dbus/machine-id && systemd-machine-id-setup",
                        "chpasswd",
                        "pvecm updatecerts --force",
                        "systemctl restart pveproxy");
        assertThat(commands.get(2))
                .startsWith("printf '%s\\n' '127.0.0.1 localhost.localdomain localhost'"
                        + " '10.0.0.10 np-ci-42-n1.nested-pve.internal np-ci-42-n1' ''")
                .endsWith(" > /etc/hosts");
    }

    @Test
    void passwordTravelsOnlyOnStdin() throws Exception {
        ScriptedShell guest = scriptedGuest();
        identity.apply(guest, Duration.ofSeconds(30));
        assertThat(guest.calls())
                .filteredOn(c -> c.stdin() != null)
                .singleElement()
                .isEqualTo(new ScriptedShell.Call("chpasswd", "root:" + PASSWORD + "\n"));
        assertThat(guest.commands()).noneMatch(c -> c.contains("s3cret"));
        assertThat(identity.steps())
                .allSatisfy(s -> assertThat(s.toString() + s.label()).doesNotContain("s3cret"));
        assertThat(identity.toString()).doesNotContain("s3cret");
    }

    @Test
    void applyReturnsTheNewApiFingerprint() throws Exception {
        IdentityResult r = identity.apply(scriptedGuest(), Duration.ofSeconds(30));
        assertThat(r.apiFingerprintIfRead()).contains(API_FP);
    }

    @Test
    void hostKeysAreNotTouchedOverSshTheyWereMadeThroughTheAgentBeforeTheFirstConnection() throws Exception {
        ScriptedShell guest = scriptedGuest();
        identity.apply(guest, Duration.ofSeconds(30));
        assertThat(guest.commands()).noneMatch(c -> c.contains("ssh_host_") || c.contains("ssh-keygen"));
    }

    @Test
    void aFailingStepStopsAndNamesNodeStepAndErrorButNotThePassword() {
        ScriptedShell guest = scriptedGuest();
        guest.on("chpasswd", fail(1, "chpasswd: (line 1, user root) password not changed: " + PASSWORD));
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
        assertThat(guest.commands()).doesNotContain("pvecm updatecerts --force");
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
        ScriptedShell guest = scriptedGuest();
        guest.on(
                "openssl x509 -noout -fingerprint -sha256 -in /etc/pve/nodes/np-ci-42-n1/pve-ssl.pem",
                fail(127, "openssl: not found"));
        assertThat(identity.apply(guest, Duration.ofSeconds(30)).apiFingerprintIfRead())
                .isEmpty();
        assertThat(GuestIdentity.apiFingerprint("SHA256 Fingerprint=" + API_FP)).isEqualTo(API_FP);
    }
}
