package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** APT, the 8 → 9 upgrade and the reboot that activates it, over each guest's own SSH (pve-facts §7, §13). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeTest {
    /** Enables the enterprise repository of an 8.x template (its line is commented out). */
    private static final String ENABLE_ENTERPRISE = "echo 'deb https://enterprise.proxmox.com/debian/pve bookworm"
            + " pve-enterprise' > /etc/apt/sources.list.d/pve-enterprise.list";

    static final String TO_TRIXIE_DEB822 = "rm /etc/apt/sources.list /etc/apt/sources.list.d/*.list"
            + " && printf 'Types: deb\\nURIs: http://deb.debian.org/debian\\nSuites: trixie trixie-updates\\n"
            + "Components: main contrib\\n\\nTypes: deb\\nURIs: http://security.debian.org/debian-security\\n"
            + "Suites: trixie-security\\nComponents: main contrib\\n' > /etc/apt/sources.list.d/debian.sources"
            + " && printf 'Types: deb\\nURIs: http://download.proxmox.com/debian/pve\\nSuites: trixie\\n"
            + "Components: pve-no-subscription\\nSigned-By: /usr/share/keyrings/proxmox-archive-keyring.gpg\\n'"
            + " > /etc/apt/sources.list.d/proxmox.sources";
    static final String DIST_UPGRADE = "DEBIAN_FRONTEND=noninteractive apt-get -y -o Dpkg::Options::=--force-confdef"
            + " -o Dpkg::Options::=--force-confold dist-upgrade";

    private Simulator sim;
    private GuestOps ops;

    @BeforeAll
    void start() {
        sim = Simulator.builder()
                .latencyScale(0.001)
                .sshPort(0)
                .template(TemplateSpec.pve84())
                .template(TemplateSpec.pve83())
                .start();
        ops = new GuestOps(sim);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private SshRun.Result sh(PveMachine g, String cmd) throws Exception {
        return sh(g, cmd, "");
    }

    private SshRun.Result sh(PveMachine g, String cmd, String stdin) throws Exception {
        return SshRun.run(g, g.servers().sshPort(), sim.guestRootPassword(), cmd, stdin);
    }

    static void rebootAndWait(Simulator sim, PveMachine g) throws Exception {
        Instant before = g.bootedAt();
        SshRun.run(g, g.servers().sshPort(), sim.guestRootPassword(), "systemctl reboot", "");
        sim.await(() -> g.isUp() && g.bootedAt().isAfter(before), GuestOps.WAIT, "the guest is back from its reboot");
    }

    @Test
    void freshEightFourGuestHasOneLineBookwormSourcesAndACurrentCache() throws Exception {
        PveMachine g = ops.boot(601, null);
        SshRun.Result r = sh(g, "cat /etc/apt/sources.list.d/pve-no-subscription.list; pve8to9 | grep -a up-to-date");
        assertThat(r.out())
                .startsWith("deb http://download.proxmox.com/debian/pve bookworm pve-no-subscription\n")
                .contains("PASS: all packages up-to-date");
    }

    @Test
    void distUpgradeToTrixieInstallsNineAndTheNewKernelRunsAfterTheReboot() throws Exception {
        PveMachine g = ops.boot(602, null);
        assertThat(sh(g, TO_TRIXIE_DEB822).exit()).isZero();
        SshRun.Result update = sh(g, "apt-get update");
        assertThat(update.exit()).as(update.err()).isZero();
        assertThat(update.out())
                .contains("Get:1 http://deb.debian.org/debian trixie InRelease")
                .contains("http://download.proxmox.com/debian/pve trixie InRelease")
                .endsWith("Reading package lists...\n");
        SshRun.Result up = sh(g, DIST_UPGRADE);
        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(up.out())
                .contains("Setting up pve-manager (9.1.2) ...")
                .contains(" ==> Keeping old config file as default.");
        assertThat(g.fs().exists("/etc/lvm/lvm.conf.dpkg-dist")).isTrue();
        assertThat(sh(g, "pveversion").out())
                .isEqualTo("pve-manager/9.1.2/9d436f37a0ac4172 (running kernel: 6.8.12-9-pve)\n");
        assertThat(sh(g, "pve8to9 --full").out())
                .contains("PASS: already upgraded to Proxmox VE 9")
                .contains("WARN: a suitable kernel (proxmox-kernel-6.17) is installed, but an unsuitable"
                        + " (6.8.12-9-pve) is booted, missing reboot?!");
        String fingerprint = g.servedCertificate().fingerprint();
        rebootAndWait(sim, g);
        assertThat(g.servedCertificate().fingerprint())
                .as("the upgrade keeps the certificate")
                .isEqualTo(fingerprint);
        assertThat(sh(g, "pveversion").out())
                .isEqualTo("pve-manager/9.1.2/9d436f37a0ac4172 (running kernel: 6.17.2-1-pve)\n");
        assertThat(sh(g, "pve8to9 --full").out()).contains("PASS: running new kernel '6.17.2-1-pve' after upgrade.");
    }

    @Test
    void oneLineFilesSwitchedToTrixieWorkToo() throws Exception {
        PveMachine g = ops.boot(603, null);
        SshRun.Result r = sh(
                g,
                "printf '%s\\n' 'deb http://deb.debian.org/debian trixie main contrib'"
                        + " 'deb http://deb.debian.org/debian trixie-updates main contrib'"
                        + " 'deb http://security.debian.org/debian-security trixie-security main contrib'"
                        + " > /etc/apt/sources.list && echo 'deb http://download.proxmox.com/debian/pve trixie"
                        + " pve-no-subscription' > /etc/apt/sources.list.d/pve-no-subscription.list && apt-get update"
                        + " >/dev/null && " + DIST_UPGRADE + " >/dev/null && pveversion");
        assertThat(r.out()).startsWith("pve-manager/9.1.2/");
    }

    @Test
    void mixedSuitesFailTheCheckerAndCannotBeResolved() throws Exception {
        PveMachine g = ops.boot(604, null);
        sh(
                g,
                "echo 'deb http://download.proxmox.com/debian/pve trixie pve-no-subscription'"
                        + " > /etc/apt/sources.list.d/pve-no-subscription.list");
        assertThat(sh(g, "pve8to9").out())
                .contains("FAIL: Found mixed old and new package repository suites, fix before upgrading! Mismatches:\n"
                        + "    found suite bookworm at in /etc/apt/sources.list:1\n"
                        + "    found suite trixie at in /etc/apt/sources.list.d/pve-no-subscription.list:1\n");
        assertThat(sh(g, "apt-get update").exit()).isZero();
        SshRun.Result up = sh(g, DIST_UPGRADE);
        assertThat(up.exit()).isEqualTo(100);
        assertThat(up.out()).contains("The following packages have unmet dependencies:");
        assertThat(g.version().version()).isEqualTo("8.4.1");
    }

    @Test
    void enterpriseRepositoryWithoutSubscriptionFailsTheUpdateWith401() throws Exception {
        PveMachine g = ops.boot(605, null);
        SshRun.Result r = sh(g, ENABLE_ENTERPRISE + " && apt-get update");
        assertThat(r.exit()).isEqualTo(100);
        assertThat(r.out())
                .contains("Err:4 https://enterprise.proxmox.com/debian/pve bookworm InRelease\n  401  Unauthorized");
        assertThat(r.err())
                .contains(
                        "E: The repository 'https://enterprise.proxmox.com/debian/pve bookworm InRelease' is not signed.");
    }

    @Test
    void unreachableRepositoryIsOnlyAWarningAndTheUpgradeFindsNothingNew() throws Exception {
        PveMachine g = ops.boot(606, null);
        sim.faults().upgrade().apply("repo-unreachable@" + g.nodeName() + "=download.proxmox.com");
        try {
            sh(g, TO_TRIXIE_DEB822);
            SshRun.Result update = sh(g, "apt-get update");
            assertThat(update.exit()).isZero();
            assertThat(update.out()).contains("  Temporary failure resolving 'download.proxmox.com'");
            assertThat(update.err())
                    .contains("W: Failed to fetch http://download.proxmox.com/debian/pve/dists/trixie/InRelease"
                            + "  Temporary failure resolving 'download.proxmox.com'");
            SshRun.Result up = sh(g, DIST_UPGRADE);
            assertThat(up.out()).contains("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
            assertThat(g.version().version()).isEqualTo("8.4.1");
        } finally {
            sim.faults().upgrade().repoReachable("download.proxmox.com");
        }
    }

    @Test
    void withoutAConffilePolicyDpkgAsksAboutLvmConfAndFailsAtEndOfInput() throws Exception {
        PveMachine g = ops.boot(607, null);
        sh(g, TO_TRIXIE_DEB822 + " && apt-get update");
        SshRun.Result up = sh(g, "apt-get -y dist-upgrade");
        assertThat(up.exit()).isEqualTo(100);
        assertThat(up.out())
                .contains(
                        "*** lvm.conf (Y/I/N/O/D/Z) [default=N] ? dpkg: error processing package lvm2 (--configure):\n"
                                + " end of file on stdin at conffile prompt");
        assertThat(sh(g, "apt-get -y dist-upgrade").err()).contains("E: dpkg was interrupted");
    }

    @Test
    void withoutYesAptAsksAndAbortsAtEndOfInput() throws Exception {
        PveMachine g = ops.boot(608, null);
        sh(g, TO_TRIXIE_DEB822 + " && apt-get update");
        SshRun.Result up = sh(g, "apt-get dist-upgrade");
        assertThat(up.exit()).isEqualTo(1);
        assertThat(up.out()).endsWith("Do you want to continue? [Y/n] Abort.\n");
        assertThat(g.version().version()).isEqualTo("8.4.1");
    }

    @Test
    void dpkgErrorFaultLeavesDpkgInterruptedUntilConfigureAll() throws Exception {
        PveMachine g = ops.boot(609, null);
        sim.faults().upgrade().apply("dpkg-error@" + g.nodeName());
        sh(g, TO_TRIXIE_DEB822 + " && apt-get update");
        SshRun.Result up = sh(g, DIST_UPGRADE);
        assertThat(up.exit()).isEqualTo(100);
        assertThat(up.out())
                .contains("dpkg: error processing package pve-manager (--configure):\n installed pve-manager package"
                        + " post-installation script subprocess returned error exit status 1\n");
        assertThat(up.err()).contains("E: Sub-process /usr/bin/dpkg returned an error code (1)");
        assertThat(g.version().version()).isEqualTo("8.4.1");
        assertThat(sh(g, "dpkg --configure -a && pveversion").out()).contains("pve-manager/9.1.2/");
    }

    @Test
    void minorUpgradeWithinBookwormNeedsAnUpdateFirst() throws Exception {
        PveMachine g = ops.boot(610, null);
        assertThat(sh(g, "apt-get -y full-upgrade").out()).contains("0 upgraded, 0 newly installed");
        SshRun.Result r = sh(
                g,
                "apt-get update >/dev/null && apt list --upgradable 2>/dev/null && pve8to9; apt-get -y full-upgrade >/dev/null && pveversion");
        assertThat(r.out())
                .contains("pve-manager/stable 8.4.21 all [upgradable from: 8.4.1]")
                .contains("WARN: updates for the following packages are available:\n  proxmox-ve, pve-manager")
                .contains("pve-manager/8.4.21/2606ac850d46da29 (running kernel: 6.8.12-9-pve)");
    }

    @Test
    void checkerFaultLinesAreColouredCountedAndTheExitStaysZero() throws Exception {
        PveMachine g = ops.boot(611, null);
        sim.faults().upgrade().apply("checker-fail@" + g.nodeName() + "=simulated problem");
        sim.faults().upgrade().apply("checker-warn@" + g.nodeName() + "=simulated doubt");
        SshRun.Result r = sh(g, "pve8to9 --full");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("\u001b[1;31mFAIL: simulated problem\n\u001b[0m")
                .contains("\u001b[33mWARN: simulated doubt\n\u001b[0m")
                .contains("\u001b[1;31mFAILURES: 2\n\u001b[0m") // the injected one and the clone's stale /etc/hosts
                .contains("\nATTENTION: Please check the output for detailed information!\n");
    }

    @Test
    void aNodeThatDoesNotComeBackAfterItsUpgradeStaysDownWhileItsVmRuns() throws Exception {
        PveMachine g = ops.boot(612, null);
        PveMachine other = ops.boot(613, null);
        sim.faults().upgrade().apply("no-return-after-upgrade@" + g.nodeName());
        assertThat(sh(g, TO_TRIXIE_DEB822 + " && apt-get update >/dev/null && " + DIST_UPGRADE + " >/dev/null")
                        .exit())
                .isZero();
        Instant otherBefore = other.bootedAt();
        sh(g, "reboot");
        // the other guest is not upgraded (so it is not the one that hangs); once it is back, the first would be too
        sh(other, "reboot");
        sim.await(
                () -> other.isUp() && other.bootedAt().isAfter(otherBefore), GuestOps.WAIT, "the other guest is back");
        assertThat(g.isUp()).isFalse();
        assertThat(sim.vm(612).orElseThrow().running()).isTrue();
    }

    @Test
    void certificateRenewedAtBootGivesANewFingerprint() throws Exception {
        PveMachine g = ops.boot(614, null);
        String before = g.servedCertificate().fingerprint();
        sim.faults().upgrade().apply("cert-renewed-at-boot@" + g.nodeName());
        rebootAndWait(sim, g);
        assertThat(g.servedCertificate().fingerprint()).isNotEqualTo(before);
    }

    @Test
    void aptUpdateTaskAndVersionsOverTheNodesApi() throws Exception {
        PveMachine g = ops.boot(615, null);
        SimClient root = GuestOps.root(sim, g);
        String n = g.nodeName();
        SimClient.Response r = root.post("/nodes/" + n + "/apt/update", java.util.Map.of());
        assertThat(r.data().asText()).contains(":aptupdate::");
        assertThat(sim.awaitTask(r.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        com.fasterxml.jackson.databind.JsonNode mgr =
                root.get("/nodes/" + n + "/apt/versions").data().get(1);
        assertThat(mgr.path("Package").asText()).isEqualTo("pve-manager");
        assertThat(mgr.path("OldVersion").asText()).isEqualTo("8.4.1");
        assertThat(mgr.path("Version").asText()).isEqualTo("8.4.21");
        sh(g, ENABLE_ENTERPRISE);
        SimClient.Response failing = root.post("/nodes/" + n + "/apt/update", java.util.Map.of());
        assertThat(sim.awaitTask(failing.data().asText(), GuestOps.WAIT))
                .isEqualTo("command 'apt-get update' failed: exit code 100");
    }

    @Test
    void rebootThroughTheNodesApiActivatesTheNewKernel() throws Exception {
        PveMachine g = ops.boot(616, null);
        sh(g, TO_TRIXIE_DEB822 + " && apt-get update >/dev/null && " + DIST_UPGRADE + " >/dev/null");
        SimClient root = GuestOps.root(sim, g);
        String n = g.nodeName();
        assertThat(root.get("/version").data().path("release").asText()).isEqualTo("9.1");
        assertThat(root.get("/nodes/" + n + "/status")
                        .data()
                        .path("current-kernel")
                        .path("release")
                        .asText())
                .isEqualTo("6.8.12-9-pve");
        Instant before = g.bootedAt();
        assertThat(root.post("/nodes/" + n + "/status", java.util.Map.of("command", "reboot"))
                        .status())
                .isEqualTo(200);
        sim.await(() -> g.isUp() && g.bootedAt().isAfter(before), GuestOps.WAIT, "the node is back");
        assertThat(GuestOps.root(sim, g)
                        .get("/nodes/" + n + "/status")
                        .data()
                        .path("kversion")
                        .asText())
                .startsWith("Linux 6.17.2-1-pve ");
    }

    @Test
    void eightThreeIsTooOldForTheCheckerAndAFullUpgradeBringsTheNewestEightFour() throws Exception {
        SimClient.Response c =
                ops.api().post("/nodes/" + sim.hostNode() + "/qemu/9002/clone", java.util.Map.of("newid", "617"));
        assertThat(sim.awaitTask(c.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        SimClient.Response s =
                ops.api().post("/nodes/" + sim.hostNode() + "/qemu/617/status/start", java.util.Map.of());
        assertThat(sim.awaitTask(s.data().asText(), GuestOps.WAIT)).isEqualTo("OK");
        PveMachine g = sim.awaitGuest(617, GuestOps.WAIT);
        assertThat(sh(g, "pve8to9").out()).contains("FAIL: proxmox-ve package is too old, please upgrade to >= 8.4-0!");
        SshRun.Result r = sh(g, "apt-get update >/dev/null && apt-get -y full-upgrade >/dev/null && pveversion");
        assertThat(r.out()).startsWith("pve-manager/8.4.21/2606ac850d46da29 ");
    }
}
