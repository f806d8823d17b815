package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.PveVersion;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.Optional;

/**
 * The package state of a machine: the installed PVE version (its image), an interrupted dpkg run
 * ({@code /var/lib/dpkg/updates}), and what finishing an upgrade changes: the installed version, the
 * Debian release files, and the PVE daemons restarted by pve-manager's postinst (pve-facts §13.3:
 * API connections drop before the reboot). The new kernel runs only after the next boot.
 */
public final class Installed {
    /** dpkg's journal of an interrupted run; holds the version being installed. */
    static final String INTERRUPTED = "/var/lib/dpkg/updates/0001";
    /** pve-manager's marker in lvm.conf (pve-manager:debian/postinst {@code set_lvm_conf}). */
    static final String LVM_MARKER = "# added by pve-manager to avoid scanning";

    private Installed() {}

    /** The version an interrupted dpkg run was installing. */
    static Optional<PveVersion> interrupted(VirtualFs fs) {
        return fs.read(INTERRUPTED).map(String::strip).flatMap(Installed::byVersion);
    }

    static void markInterrupted(VirtualFs fs, PveVersion target) {
        fs.write(INTERRUPTED, target.version() + "\n");
    }

    static Optional<PveVersion> byVersion(String v) {
        for (PveVersion p :
                new PveVersion[] {PveVersion.V8_3, PveVersion.V8_4, PveVersion.V8_4_LATEST, PveVersion.V9_1}) {
            if (p.version().equals(v)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The packages are configured: the machine has {@code target} installed; PVE daemons restart. */
    static void finish(PveMachine m, PveVersion target) {
        VirtualFs fs = m.fs();
        fs.delete(INTERRUPTED);
        writeRelease(fs, target);
        m.image().setVersion(target);
        m.restartService("pvedaemon");
        m.restartService("pveproxy");
        m.restartService("pvestatd");
    }

    /** {@code /etc/os-release} and {@code /etc/debian_version} of the Debian release under {@code v}. */
    public static void writeRelease(VirtualFs fs, PveVersion v) {
        boolean nine = v.major() >= 9;
        String suite = v.suite();
        fs.write(
                "/etc/os-release",
                "PRETTY_NAME=\"Debian GNU/Linux " + (nine ? "13" : "12") + " (" + suite
                        + ")\"\nNAME=\"Debian GNU/Linux\"\n"
                        + "VERSION_ID=\"" + (nine ? "13" : "12") + "\"\nVERSION=\"" + (nine ? "13" : "12") + " ("
                        + suite + ")\"\nVERSION_CODENAME=" + suite + "\nID=debian\n");
        fs.write("/etc/debian_version", nine ? "13.1\n" : "12.11\n");
    }

    /** The lvm.conf a PVE installation has: Debian's file plus pve-manager's global_filter block. */
    public static String lvmConf(boolean withFilter) {
        String base = "# This is an example configuration file for the LVM2 system.\n"
                + "# It contains the default settings that would be used if there was no\n"
                + "# /etc/lvm/lvm.conf file.\n"
                + "config {\n\tchecks = 1\n}\n";
        return withFilter
                ? base + "devices {\n     " + LVM_MARKER + " ZFS zvols and Ceph rbds\n"
                        + "     global_filter=[\"r|/dev/zd.*|\",\"r|/dev/rbd.*|\"]\n}\n"
                : base;
    }
}
