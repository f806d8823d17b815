package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.model.PveVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a dist-upgrade from one PVE version to another, in apt's and dpkg's formats (a
 * representative selection of packages; the counts are illustrative).
 */
final class UpgradeText {
    private final PveVersion from;
    private final PveVersion to;
    private final boolean major;

    UpgradeText(PveVersion from, PveVersion to) {
        this.from = from;
        this.to = to;
        this.major = to.major() > from.major();
    }

    private String kernelPkg() {
        return "proxmox-kernel-" + to.kernel() + "-signed";
    }

    private String kernelVer() {
        return to.kernel().replace("-pve", "");
    }

    List<String> summary() {
        List<String> l = new ArrayList<>();
        if (major) {
            l.add("The following packages will be REMOVED:");
            l.add("  libcrypt-ssleay-perl libpve-u2f-server-perl pve-kernel-6.8 python3-pip-whl");
        }
        l.add("The following NEW packages will be installed:");
        l.add("  " + to.kernelMetaPackage().replace("pve-kernel", "proxmox-kernel") + " " + kernelPkg()
                + (major ? " libapt-pkg7.0 libpve-network-api-perl proxmox-kernel-helper" : ""));
        l.add("The following packages will be upgraded:");
        l.add("  corosync libpve-access-control libpve-cluster-perl libpve-common-perl libpve-guest-common-perl");
        l.add("  libpve-storage-perl lxc-pve proxmox-ve proxmox-widget-toolkit pve-cluster pve-container pve-docs");
        l.add("  pve-firewall pve-ha-manager pve-manager pve-qemu-kvm qemu-server"
                + (major ? " base-files bash libc6 lvm2 systemd" : ""));
        l.add(
                major
                        ? "612 upgraded, 98 newly installed, 4 to remove and 0 not upgraded."
                        : "34 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.");
        l.add(major ? "Need to get 612 MB of archives." : "Need to get 148 MB of archives.");
        l.add(
                major
                        ? "After this operation, 1,410 MB of additional disk space will be used."
                        : "After this operation, 562 MB of additional disk space will be used.");
        return l;
    }

    List<String> download() {
        String suite = to.suite();
        String pve = "http://download.proxmox.com/debian/pve " + suite + "/pve-no-subscription amd64 ";
        List<String> l = new ArrayList<>();
        int n = 1;
        if (major) {
            l.add("Get:" + n++ + " http://deb.debian.org/debian trixie/main amd64 base-files amd64 13.8 [73.1 kB]");
            l.add("Get:" + n++ + " http://deb.debian.org/debian trixie/main amd64 libc6 amd64 2.41-12 [2,851 kB]");
            l.add("Get:" + n++ + " http://deb.debian.org/debian trixie/main amd64 lvm2 amd64 2.03.31-2 [1,537 kB]");
        }
        l.add("Get:" + n++ + " " + pve + kernelPkg() + " amd64 " + kernelVer() + " [106 MB]");
        l.add("Get:" + n++ + " " + pve + "pve-qemu-kvm amd64 " + (major ? "10.1.2-4" : "9.2.0-7") + " [33.2 MB]");
        l.add("Get:" + n++ + " " + pve + "qemu-server amd64 " + (major ? "9.1.1" : "8.4.4") + " [312 kB]");
        l.add("Get:" + n++ + " " + pve + "pve-manager all " + to.version() + " [576 kB]");
        l.add("Get:" + n + " " + pve + "proxmox-ve all " + to.release() + ".0 [5,280 B]");
        l.add(major ? "Fetched 612 MB in 58s (10.5 MB/s)" : "Fetched 148 MB in 15s (9,870 kB/s)");
        l.add("Reading changelogs...");
        return l;
    }

    List<String> unpack() {
        List<String> l = new ArrayList<>();
        l.add("Preconfiguring packages ...");
        l.add("(Reading database ... 67341 files and directories currently installed.)");
        if (major) {
            l.add("Preparing to unpack .../base-files_13.8_amd64.deb ...");
            l.add("Unpacking base-files (13.8) over (12.4+deb12u11) ...");
            l.add("Preparing to unpack .../lvm2_2.03.31-2_amd64.deb ...");
            l.add("Unpacking lvm2 (2.03.31-2) over (2.03.16-2) ...");
        }
        l.add("Selecting previously unselected package " + kernelPkg() + ".");
        l.add("Preparing to unpack .../" + kernelPkg() + "_" + kernelVer() + "_amd64.deb ...");
        l.add("Unpacking " + kernelPkg() + " (" + kernelVer() + ") ...");
        l.add("Preparing to unpack .../pve-manager_" + to.version() + "_all.deb ...");
        l.add("Unpacking pve-manager (" + to.version() + ") over (" + from.version() + ") ...");
        l.add("Preparing to unpack .../proxmox-ve_" + to.release() + ".0_all.deb ...");
        l.add("Unpacking proxmox-ve (" + to.release() + ".0) over (" + from.release() + ".0) ...");
        if (major) {
            l.add("Setting up base-files (13.8) ...");
            l.add("Installing new version of config file /etc/issue ...");
            l.add("Setting up lvm2 (2.03.31-2) ...");
        }
        return l;
    }

    List<String> configure() {
        List<String> l = new ArrayList<>();
        l.add("Setting up " + kernelPkg() + " (" + kernelVer() + ") ...");
        l.add("Examining /etc/kernel/postinst.d.");
        l.add("run-parts: executing /etc/kernel/postinst.d/proxmox-auto-removal " + to.kernel() + " /boot/vmlinuz-"
                + to.kernel());
        l.add("run-parts: executing /etc/kernel/postinst.d/zz-proxmox-boot " + to.kernel() + " /boot/vmlinuz-"
                + to.kernel());
        l.add("run-parts: executing /etc/kernel/postinst.d/zz-update-grub " + to.kernel() + " /boot/vmlinuz-"
                + to.kernel());
        l.add("Generating grub configuration file ...");
        l.add("Found linux image: /boot/vmlinuz-" + to.kernel());
        l.add("Found linux image: /boot/vmlinuz-" + from.kernel());
        l.add("done");
        l.add("Setting up qemu-server (" + (major ? "9.1.1" : "8.4.4") + ") ...");
        l.add("Setting up pve-container (" + (major ? "6.0.18" : "5.3.5") + ") ...");
        l.add("Setting up pve-manager (" + to.version() + ") ...");
        l.add("Setting up proxmox-ve (" + to.release() + ".0) ...");
        l.add("Processing triggers for man-db (" + (major ? "2.13.1-1" : "2.11.2-2") + ") ...");
        l.add("Processing triggers for libc-bin (" + (major ? "2.41-12" : "2.36-9+deb12u10") + ") ...");
        l.add("Processing triggers for pve-ha-manager (" + (major ? "5.0.8" : "4.0.7") + ") ...");
        return l;
    }

    /** How many lines the whole run prints (to spread its duration). */
    int lineCount() {
        return 4
                + summary().size()
                + download().size()
                + unpack().size()
                + configure().size()
                + 8;
    }
}
