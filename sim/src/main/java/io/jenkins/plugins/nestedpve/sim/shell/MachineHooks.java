package io.jenkins.plugins.nestedpve.sim.shell;

/**
 * What shell programs need from the simulated machine beyond its {@link VirtualFs}. Machine-local
 * state lives in the file system itself (e.g. {@code /etc/hostname}, {@code /etc/shadow}, {@code
 * /etc/modprobe.d/*}, {@code /sys/module/kvm_intel/parameters/nested}, {@code /proc/cpuinfo},
 * {@code /etc/ssh/ssh_host_*_key}); the machine model reads it from there.
 */
public interface MachineHooks {
    /** VMs running on this machine; while more than zero the kvm vendor module is "in use". */
    int runningVmCount();

    /** Asks the machine to reboot: sessions end, it comes back after its boot delay. */
    void reboot();

    /** Restarts a service (pveproxy, pvedaemon, pve-cluster, corosync, ssh, ...). */
    void restartService(String name);
}
