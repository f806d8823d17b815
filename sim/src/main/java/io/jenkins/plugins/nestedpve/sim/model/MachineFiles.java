package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.CpuVendor;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * The machine-local files a fresh PVE installation has and the model reads back: identity
 * ({@code /etc/hostname}, {@code /etc/hosts}, {@code /etc/machine-id}), network, the kvm module
 * switches ({@code /etc/modprobe.d}, {@code /sys/module/kvm_*}), {@code /proc/cpuinfo}, {@code
 * /dev/kvm} and the APT sources of its release.
 */
public final class MachineFiles {
    /** The DNS search domain of the simulated LAN. */
    public static final String DOMAIN = "lab.local";

    private MachineFiles() {}

    /** Writes the identity files of an installation named {@code hostname} at {@code ip}. */
    public static void installIdentity(VirtualFs fs, String hostname, String ip, Random random) {
        fs.write("/etc/hostname", hostname + "\n");
        fs.write("/etc/hosts", hosts(hostname, ip));
        byte[] id = new byte[16];
        random.nextBytes(id);
        fs.write("/etc/machine-id", HexFormat.of().formatHex(id) + "\n");
        fs.write(
                "/etc/resolv.conf",
                "search " + DOMAIN + "\nnameserver " + ip.substring(0, ip.lastIndexOf('.')) + ".1\n");
        writeInterfaces(fs, ip);
        fs.mkdir("/root");
        fs.mkdir("/tmp");
    }

    /** The /etc/hosts a PVE installer writes: the node name on its LAN address. */
    public static String hosts(String hostname, String ip) {
        return "127.0.0.1 localhost.localdomain localhost\n"
                + ip + " " + hostname + "." + DOMAIN + " " + hostname + "\n\n"
                + "# The following lines are desirable for IPv6 capable hosts\n\n"
                + "::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\n"
                + "ff02::1 ip6-allnodes\nff02::2 ip6-allrouters\nff02::3 ip6-allhosts\n";
    }

    /** /etc/network/interfaces with the address on vmbr0 (bridge over ens18). */
    public static void writeInterfaces(VirtualFs fs, String ip) {
        String gw = ip.substring(0, ip.lastIndexOf('.')) + ".1";
        fs.write(
                "/etc/network/interfaces",
                "auto lo\niface lo inet loopback\n\niface ens18 inet manual\n\nauto vmbr0\niface vmbr0 inet static\n"
                        + "\taddress " + ip + "/24\n\tgateway " + gw + "\n\tbridge-ports ens18\n\tbridge-stp off\n"
                        + "\tbridge-fd 0\n");
    }

    /** Kernel identity read by {@code uname}. */
    public static void writeKernel(VirtualFs fs, PveVersion version) {
        writeKernel(fs, version.kernel());
    }

    /** Kernel identity of the booted kernel {@code release} ({@code uname -r}). */
    public static void writeKernel(VirtualFs fs, String release) {
        fs.write("/proc/sys/kernel/osrelease", release + "\n");
        fs.write("/proc/sys/kernel/version", "#1 SMP PREEMPT_DYNAMIC PMX " + release + "\n");
    }

    /**
     * A new {@code /proc/sys/kernel/random/boot_id}: a random (version 4) UUID the kernel makes once
     * per boot, printed in lower case (Linux {@code drivers/char/random.c}, {@code proc_do_uuid} with
     * {@code generate_random_uuid}; {@code Documentation/admin-guide/sysctl/kernel.rst}, "random").
     */
    public static void writeBootId(VirtualFs fs, java.util.Random random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        fs.write("/proc/sys/kernel/random/boot_id", new java.util.UUID(msb, lsb) + "\n");
    }

    /** The running addresses ({@code ip addr}): {@code vmbr0 <ip>/24 <mac>} and the default route. */
    public static void writeAddresses(VirtualFs fs, String ip, String mac) {
        String gw = ip.substring(0, ip.lastIndexOf('.')) + ".1";
        fs.write(
                "/run/sim/ip-addr",
                "vmbr0 " + ip + "/24" + (mac == null ? "" : " " + mac.toLowerCase(Locale.ROOT)) + "\ndefault via " + gw
                        + " dev vmbr0\n");
        hostname(fs).ifPresent(h -> fs.write("/proc/sys/kernel/hostname", h + "\n"));
    }

    /**
     * CPU and memory as the kernel reports them, then the kvm modules loaded as at boot: the vendor
     * module (and {@code /dev/kvm}) only when the CPU shows vmx/svm, options from modprobe.d.
     */
    public static void installHardware(VirtualFs fs, Hardware hw) {
        fs.write("/proc/cpuinfo", hw.procCpuinfo());
        fs.write("/proc/meminfo", String.format(Locale.ROOT, "MemTotal:       %d kB%n", hw.memoryBytes() / 1024));
        io.jenkins.plugins.nestedpve.sim.shell.programs.KvmModule.boot(fs);
    }

    /** The host's nesting switch as an operator would have set it: an option file when off. */
    public static void installNestingOption(VirtualFs fs, CpuVendor v, boolean nested) {
        String path = "/etc/modprobe.d/" + v.modprobeName() + ".conf";
        if (nested) {
            fs.delete(path);
        } else {
            fs.write(path, "options " + v.modprobeName() + " nested=" + v.nestedValue(false) + "\n");
        }
    }

    /** Whether the loaded kvm vendor module has nesting on (reads the /sys parameter). */
    public static boolean nestedOn(VirtualFs fs, CpuVendor v) {
        return fs.read(v.nestedParamPath()).map(CpuVendor::isOn).orElse(false);
    }

    /**
     * APT sources, os-release, lvm.conf and the APT index of a release, as a prepared template has them:
     * the no-subscription repository, the enterprise one disabled (pve-facts §7, §13.2). 8.x uses one-line
     * {@code .list} files, 9.x deb822 {@code .sources} files.
     */
    public static void installRelease(VirtualFs fs, PveVersion version) {
        io.jenkins.plugins.nestedpve.sim.apt.Installed.writeRelease(fs, version);
        fs.mkdir("/etc/apt/sources.list.d");
        fs.mkdir("/etc/apt/apt.conf.d");
        fs.mkdir("/var/lib/apt/lists");
        fs.write("/etc/lvm/lvm.conf", io.jenkins.plugins.nestedpve.sim.apt.Installed.lvmConf(true));
        if (version.major() >= 9) {
            fs.write(
                    "/etc/apt/sources.list.d/debian.sources",
                    "Types: deb\nURIs: http://deb.debian.org/debian/\nSuites: trixie trixie-updates\n"
                            + "Components: main contrib non-free-firmware\n"
                            + "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
                            + "Types: deb\nURIs: http://security.debian.org/debian-security/\nSuites: trixie-security\n"
                            + "Components: main contrib non-free-firmware\n"
                            + "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n");
            fs.write(
                    "/etc/apt/sources.list.d/proxmox.sources",
                    "Types: deb\nURIs: http://download.proxmox.com/debian/pve\n"
                            + "Suites: trixie\nComponents: pve-no-subscription\n"
                            + "Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg\n");
            fs.write(
                    "/etc/apt/sources.list.d/pve-enterprise.sources",
                    "Types: deb\nURIs: https://enterprise.proxmox.com/debian/pve\n"
                            + "Suites: trixie\nComponents: pve-enterprise\n"
                            + "Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg\nEnabled: no\n");
        } else {
            fs.write(
                    "/etc/apt/sources.list",
                    "deb http://deb.debian.org/debian bookworm main contrib\n"
                            + "deb http://deb.debian.org/debian bookworm-updates main contrib\n"
                            + "deb http://security.debian.org/debian-security bookworm-security main contrib\n");
            fs.write(
                    "/etc/apt/sources.list.d/pve-enterprise.list",
                    "# deb https://enterprise.proxmox.com/debian/pve bookworm pve-enterprise\n");
            fs.write(
                    "/etc/apt/sources.list.d/pve-no-subscription.list",
                    "deb http://download.proxmox.com/debian/pve bookworm pve-no-subscription\n");
        }
        io.jenkins.plugins.nestedpve.sim.apt.AptLists.seed(fs, version);
        // a CT template downloaded while the guest template was prepared (pveam download local ...)
        fs.write(CtService.TEMPLATE_DIR + "debian-12-standard_12.7-1_amd64.tar.zst", "simulated container template\n");
    }

    /** The short host name from /etc/hostname (domain part stripped), as PVE's nodename does. */
    public static Optional<String> hostname(VirtualFs fs) {
        return fs.read("/etc/hostname")
                .map(s -> s.strip().split("\\s+")[0])
                .filter(s -> !s.isEmpty())
                .map(s -> s.split("\\.")[0]);
    }

    /** Resolves {@code name} through /etc/hosts: every address carrying it, in file order. */
    public static java.util.List<String> resolve(VirtualFs fs, String name) {
        java.util.List<String> out = new java.util.ArrayList<>();
        String hosts = fs.read("/etc/hosts").orElse("");
        for (String line : hosts.split("\n")) {
            String l = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            String[] f = l.trim().split("\\s+");
            for (int i = 1; i < f.length; i++) {
                if (f[i].equalsIgnoreCase(name)) {
                    out.add(f[0]);
                    break;
                }
            }
        }
        return out;
    }
}
