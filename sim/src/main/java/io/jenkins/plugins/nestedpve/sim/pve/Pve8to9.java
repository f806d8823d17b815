package io.jenkins.plugins.nestedpve.sim.pve;

import io.jenkins.plugins.nestedpve.sim.UpgradeFaults;
import io.jenkins.plugins.nestedpve.sim.apt.AptChecks;
import io.jenkins.plugins.nestedpve.sim.model.ClusterView;
import io.jenkins.plugins.nestedpve.sim.model.Corosync;
import io.jenkins.plugins.nestedpve.sim.model.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.PveVersion;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.util.List;
import java.util.Optional;

/**
 * {@code pve8to9 [--full]}: the checks of pve-manager:PVE/CLI/pve8to9.pm (stable-8 before the upgrade,
 * master after it) that a nested cluster can trip, in its order and with its texts; exit 0 even with
 * failures (pve-facts §7, §13.2). Extra FAIL/WARN lines come from {@link UpgradeFaults}.
 */
final class Pve8to9 implements Command {
    private final PveMachine m;

    Pve8to9(PveMachine m) {
        this.m = m;
    }

    @Override
    public int run(Invocation inv) {
        CheckerLog log = new CheckerLog(inv.out());
        PveVersion v = m.version();
        boolean upgraded = v.major() >= 9;
        packages(log, v, upgraded);
        cluster(log);
        log.header("CHECKING HYPER-CONVERGED CEPH STATUS");
        log.skip("no hyper-converged ceph setup detected!");
        log.header("CHECKING CONFIGURED STORAGES");
        log.pass("storage 'local' enabled and active.");
        log.pass("storage 'local-lvm' enabled and active.");
        guests(log, upgraded);
        misc(log);
        if (inv.params().contains("--full")) {
            if (m.localVms().stream().noneMatch(SimVm::isContainer)) {
                log.skip("No containers on node detected.");
            }
        } else {
            log.skip("NOTE: Expensive checks, like CT cgroupv2 compat, not performed without '--full' parameter");
        }
        log.summary();
        return 0;
    }

    private void packages(CheckerLog log, PveVersion v, boolean upgraded) {
        log.header("CHECKING VERSION INFORMATION FOR PVE PACKAGES");
        log.print("Checking for package updates..\n");
        if (AptChecks.updatesAvailable(m)) {
            log.warn("updates for the following packages are available:\n  proxmox-ve, pve-manager, qemu-server,"
                    + " pve-container, pve-qemu-kvm, libpve-common-perl");
        } else {
            log.pass("all packages up-to-date");
        }
        log.print("\nChecking proxmox-ve package version..\n");
        if (upgraded) {
            log.pass("already upgraded to Proxmox VE 9");
        } else if (v.release().equals("8.4")) {
            log.pass("proxmox-ve package has version >= 8.4-0");
        } else {
            log.fail("proxmox-ve package is too old, please upgrade to >= 8.4-0!");
        }
        log.print("\nChecking running kernel version..\n");
        String running = m.runningKernel();
        if (kernelExpected(running, upgraded)) {
            log.pass(
                    upgraded
                            ? "running new kernel '" + running + "' after upgrade."
                            : "running kernel '" + running + "' is considered suitable for upgrade.");
        } else if (upgraded) {
            log.warn("a suitable kernel (" + v.kernelMetaPackage() + ") is installed, but an unsuitable (" + running
                    + ") is booted, missing reboot?!");
        } else {
            log.warn("unexpected running and installed kernel '" + running + "'.");
        }
    }

    /** pve8to9.pm {@code $kernel_version_is_expected}. */
    static boolean kernelExpected(String version, boolean upgraded) {
        if (!upgraded) {
            return version.matches("^6\\.(?:2|5|8|11|14).*");
        }
        if (version.matches("^(?:6\\.(?:1[4-9]|1\\d\\d+)|7\\.\\d+)[^~]*$")) {
            return true;
        }
        java.util.regex.Matcher k =
                java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)[^~]*-pve$").matcher(version);
        return k.find()
                && (Integer.parseInt(k.group(1)) > 6
                        || (Integer.parseInt(k.group(1)) == 6 && Integer.parseInt(k.group(2)) >= 14));
    }

    private void cluster(CheckerLog log) {
        log.header("CHECKING CLUSTER HEALTH/SETTINGS");
        Optional<Corosync> c = m.pmxcfs().corosync();
        if (c.isEmpty()) {
            log.skip("standalone node.");
            return;
        }
        log.pass("systemd unit 'pve-cluster.service' is in state 'active'");
        log.pass("systemd unit 'corosync.service' is in state 'active'");
        ClusterView view = m.cluster().view();
        if (view.quorate()) {
            log.pass("Cluster Filesystem is quorate.");
        } else {
            log.fail("Cluster Filesystem readonly, lost quorum?!");
        }
        log.print("\nAnalzying quorum settings and state..\n");
        List<Corosync.Member> members = c.get().members();
        long offline = members.stream().filter(x -> !view.online(x)).count();
        if (offline > 0) {
            log.fail(offline + " nodes are offline!");
        }
        int expected = c.get().expectedVotes();
        int total = view.onlineVotes();
        log.info("configured votes - nodes: " + members.size());
        log.info("configured votes - qdevice: 0");
        log.info("current expected votes: " + expected);
        log.info("current total votes: " + total);
        if (total < expected) {
            log.warn("total votes < expected votes: " + total + "/" + expected + "!");
        }
        if (members.size() < 3) {
            log.warn("cluster consists of less than three quorum-providing nodes!");
        }
        log.pass("nodelist settings OK");
        log.pass("totem settings OK");
        log.info("run 'pvecm status' to get detailed cluster status..");
    }

    private void guests(CheckerLog log, boolean upgraded) {
        log.header("VIRTUAL GUEST CHECKS");
        log.info("Checking for running guests..");
        long running = m.localVms().stream().filter(SimVm::running).count();
        if (running > 0) {
            log.warn(running + " running guest(s) detected - consider migrating or stopping them.");
        } else {
            log.pass("no running guest detected.");
        }
        log.info("Checking if LXCFS is running with FUSE3 library, if already upgraded..");
        if (!upgraded) {
            log.skip("not yet upgraded, no need to check the FUSE library version LXCFS uses");
        } else if (!m.runningKernel().equals(m.version().kernel())) {
            log.warn("systems seems to be upgraded but LXCFS is still running with FUSE 2 library, not yet rebooted?");
        } else {
            log.pass("systems seems to be upgraded and LXCFS is running with FUSE 3 library");
        }
        log.pass("All guest config descriptions fit in the new limit of 8 KiB");
        log.info("Checking container configs for deprecated lxc.cgroup entries");
        log.pass("No legacy 'lxc.cgroup' keys found.");
        log.info("Checking VM configurations for outdated machine versions");
        log.pass("All VM machine versions are recent enough");
    }

    private void misc(CheckerLog log) {
        log.header("MISCELLANEOUS CHECKS");
        log.skip("No SSH config file found.");
        log.info("Checking common daemon services..");
        for (String unit : new String[] {"pveproxy", "pvedaemon", "pvescheduler", "pvestatd"}) {
            log.pass("systemd unit '" + unit + ".service' is in state 'active'");
        }
        String node = m.nodeName();
        log.info("Checking if the local node's hostname '" + node + "' is resolvable..");
        List<String> ips = MachineFiles.resolve(m.fs(), node);
        if (ips.isEmpty()) {
            log.warn("Failed to resolve hostname '" + node + "' to IP - address lookup for '" + node + "' failed");
        } else {
            log.info("Checking if resolved IP is configured on local node..");
            if (ips.get(0).equals(m.ip())) {
                log.pass("Resolved node IP '" + ips.get(0) + "' configured and active on single interface.");
            } else {
                log.fail("Resolved node IP '" + ips.get(0) + "' not configured or active for '" + node + "'");
            }
        }
        log.info("Check node certificate's RSA key size");
        log.pass("Certificate 'pve-root-ca.pem' passed Debian Busters (and newer) security level for TLS connections"
                + " (4096 >= 2048 RSA)");
        log.pass("Certificate 'pve-ssl.pem' passed Debian Busters (and newer) security level for TLS connections"
                + " (2048 >= 2048 RSA)");
        AptChecks.repos(m.fs(), log::info, log::pass, log::notice, log::warn, log::fail);
        for (UpgradeFaults.CheckerLine l : m.env().faults().upgrade().checkerLines(node)) {
            if (l.level().equals("FAIL")) {
                log.fail(l.text());
            } else {
                log.warn(l.text());
            }
        }
    }
}
