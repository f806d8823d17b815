package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.util.Set;

/**
 * Which privilege changing a config key needs (qemu-server:src/PVE/API2/Qemu.pm
 * check_vm_modify_config_perm; pve-facts §3.5). Keys not listed are root@pam-only.
 */
public final class ConfigPerms {
    private static final Set<String> CPU =
            Set.of("cores", "cpu", "cpulimit", "cpuunits", "numa", "sockets", "smp", "vcpus", "affinity-never");
    private static final Set<String> MEMORY = Set.of("memory", "balloon", "shares", "allow-ksm");
    private static final Set<String> HWTYPE = Set.of(
            "acpi",
            "hotplug",
            "kvm",
            "machine",
            "scsihw",
            "smbios1",
            "tablet",
            "vga",
            "watchdog",
            "audio0",
            "rng0",
            "vmgenid",
            "bios",
            "efidisk0",
            "tpmstate0");
    private static final Set<String> OPTIONS = Set.of(
            "agent",
            "autostart",
            "description",
            "keyboard",
            "localtime",
            "migrate_downtime",
            "migrate_speed",
            "name",
            "onboot",
            "ostype",
            "protection",
            "reboot",
            "startdate",
            "startup",
            "tdf",
            "template",
            "tags",
            "meta");
    private static final Set<String> DISK = Set.of("boot", "bootdisk", "vmstatestorage");
    private static final Set<String> CLOUDINIT =
            Set.of("ciuser", "cipassword", "citype", "ciupgrade", "cicustom", "nameserver", "searchdomain", "sshkeys");

    private ConfigPerms() {}

    /** Checks that {@code who} may set or delete {@code key} on {@code vmid}. */
    public static void check(Perms perms, Principal who, int vmid, String key, String value) {
        String path = "/vms/" + vmid;
        if (CPU.contains(key)) {
            perms.require(who, path, "VM.Config.CPU");
        } else if (MEMORY.contains(key)) {
            perms.require(who, path, "VM.Config.Memory");
        } else if (HWTYPE.contains(key)) {
            perms.require(who, path, "VM.Config.HWType");
        } else if (OPTIONS.contains(key)) {
            perms.require(who, path, "VM.Config.Options");
        } else if (DISK.contains(key)) {
            perms.require(who, path, "VM.Config.Disk");
        } else if (ConfigValues.isNet(key)) {
            perms.require(who, path, "VM.Config.Network");
        } else if (CLOUDINIT.contains(key) || key.matches("ipconfig\\d+")) {
            perms.requireAny(who, path, "VM.Config.Cloudinit", "VM.Config.Network");
        } else if (ConfigValues.isDrive(key)) {
            boolean cdrom = value != null && value.contains("media=cdrom") && !value.contains("cloudinit");
            perms.require(who, path, cdrom ? "VM.Config.CDROM" : "VM.Config.Disk");
        } else if (who == null || !who.isRootPam()) {
            // args, lock, hookscript, hostpci, usb, ...: only the literal root@pam
            throw ApiException.die("only root can set '" + key + "' config");
        }
    }
}
