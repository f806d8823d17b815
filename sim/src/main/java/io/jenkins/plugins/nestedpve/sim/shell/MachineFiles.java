package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.List;

/**
 * Where machine state lives in a {@link VirtualFs}: the files the builtin programs read and write,
 * and which the machine model seeds and watches.
 */
public final class MachineFiles {
    /** Persistent hostname, one line; written by {@code hostnamectl set-hostname}. */
    public static final String HOSTNAME = "/etc/hostname";
    /**
     * The running (kernel) hostname; {@code hostname NAME} changes only this one. Falls back to
     * {@link #HOSTNAME} when absent; the model should copy {@link #HOSTNAME} here at boot.
     */
    public static final String KERNEL_HOSTNAME = "/proc/sys/kernel/hostname";
    /** {@code uname -r}, e.g. {@code 6.8.12-4-pve}; the model writes it at boot. */
    public static final String KERNEL_RELEASE = "/proc/sys/kernel/osrelease";
    /** {@code uname -v}, e.g. {@code #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z)}. */
    public static final String KERNEL_VERSION = "/proc/sys/kernel/version";

    public static final String HOSTS = "/etc/hosts";
    public static final String SHADOW = "/etc/shadow";
    public static final String PASSWD = "/etc/passwd";
    public static final String MACHINE_ID = "/etc/machine-id";
    public static final String DBUS_MACHINE_ID = "/var/lib/dbus/machine-id";
    public static final String SSH_DIR = "/etc/ssh";
    /** Host key files, in the order the SSH server offers them. */
    public static final List<String> HOST_KEY_TYPES = List.of("ed25519", "ecdsa", "rsa");

    public static final String CPUINFO = "/proc/cpuinfo";
    public static final String MODPROBE_D = "/etc/modprobe.d";
    public static final String DEV_KVM = "/dev/kvm";
    /** {@code /sys/module/<module>}: present while the module is loaded. */
    public static final String SYS_MODULE = "/sys/module";
    /**
     * Network addresses for {@code ip addr}, {@code hostname -I}: one line per address, {@code
     * <ifname> <address>/<prefix> [<mac>]}, e.g. {@code vmbr0 192.168.1.11/24 bc:24:11:00:00:01};
     * {@code lo 127.0.0.1/8} is implied. Written by the model.
     */
    public static final String IP_ADDR = "/run/sim/ip-addr";
    /** Root's authorized keys, read by the SSH server for public-key authentication. */
    public static final String ROOT_AUTHORIZED_KEYS = "/root/.ssh/authorized_keys";

    /** Directories every Debian system has; {@link #seedLayout} creates them. */
    public static final List<String> STANDARD_DIRECTORIES = List.of(
            "/bin",
            "/boot",
            "/dev",
            "/etc",
            "/etc/apt",
            "/etc/apt/sources.list.d",
            "/etc/modprobe.d",
            "/etc/ssh",
            "/home",
            "/proc",
            "/root",
            "/root/.ssh",
            "/run",
            "/run/sim",
            "/sbin",
            "/sys",
            "/sys/module",
            "/tmp",
            "/usr",
            "/usr/bin",
            "/usr/sbin",
            "/var",
            "/var/lib",
            "/var/lib/dbus",
            "/var/log",
            "/var/tmp");

    private MachineFiles() {}

    /** Creates {@link #STANDARD_DIRECTORIES} (redirections into a missing directory fail, as on Linux). */
    public static void seedLayout(VirtualFs fs) {
        STANDARD_DIRECTORIES.forEach(fs::mkdir);
    }

    /** Path of a host private key, e.g. {@code /etc/ssh/ssh_host_ed25519_key}. */
    public static String hostKey(String type) {
        return SSH_DIR + "/ssh_host_" + type + "_key";
    }
}
