package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code PUT|POST .../config} (qemu-server:src/PVE/API2/Qemu.pm update_vm_api; pve-facts §3.5): PUT
 * holds the config lock within the request, POST does the same in a qmconfig task. On a running VM
 * only hotpluggable and "fast plug" keys change at once; the rest goes to {@code [PENDING]}.
 */
public final class VmConfigUpdate {
    private static final Set<String> CONTROL =
            Set.of("node", "vmid", "delete", "revert", "digest", "skiplock", "force", "background_delay");
    /** Keys that change at once even on a running VM (QemuServer.pm $fast_plug_option). */
    private static final Set<String> FAST_PLUG = Set.of(
            "lock",
            "name",
            "onboot",
            "shares",
            "startup",
            "description",
            "protection",
            "vmstatestorage",
            "hookscript",
            "tags",
            "meta");

    private static final Set<String> KNOWN = Set.of(
            "acpi",
            "affinity",
            "agent",
            "allow-ksm",
            "amd-sev",
            "arch",
            "args",
            "audio0",
            "autostart",
            "balloon",
            "bios",
            "boot",
            "bootdisk",
            "cdrom",
            "cicustom",
            "cipassword",
            "citype",
            "ciupgrade",
            "ciuser",
            "cores",
            "cpu",
            "cpulimit",
            "cpuunits",
            "description",
            "efidisk0",
            "freeze",
            "hookscript",
            "hotplug",
            "hugepages",
            "ivshmem",
            "keephugepages",
            "keyboard",
            "kvm",
            "localtime",
            "lock",
            "machine",
            "memory",
            "migrate_downtime",
            "migrate_speed",
            "name",
            "nameserver",
            "numa",
            "onboot",
            "ostype",
            "protection",
            "reboot",
            "rng0",
            "scsihw",
            "searchdomain",
            "shares",
            "smbios1",
            "smp",
            "sockets",
            "spice_enhancements",
            "sshkeys",
            "startdate",
            "startup",
            "tablet",
            "tags",
            "tdf",
            "template",
            "tpmstate0",
            "vcpus",
            "vga",
            "vmgenid",
            "vmstatestorage",
            "watchdog",
            "meta");

    private final PveMachine node;
    private final VmService vms;

    VmConfigUpdate(PveMachine node, VmService vms) {
        this.node = node;
        this.vms = vms;
    }

    /** PUT: applies within the request and returns null. */
    public Object updateSync(int vmid, Map<String, String> params, Principal who) throws InterruptedException {
        Change c = prepare(vmid, params, who);
        try {
            vms.locked(vmid, false, Step.LOCK_WAIT_DEFAULT, () -> apply(vmid, c))
                    .get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ApiException a ? a : ApiException.die(TaskRegistry.message(e));
        }
        return null;
    }

    /** POST: returns the UPID of a qmconfig task doing the same. */
    public String updateAsync(int vmid, Map<String, String> params, Principal who) {
        Change c = prepare(vmid, params, who);
        return vms.task(
                "qmconfig", vmid, who, t -> vms.locked(vmid, false, Step.LOCK_WAIT_DEFAULT, () -> apply(vmid, c)));
    }

    private record Change(
            Map<String, String> set, List<String> delete, List<String> revert, String digest, boolean skiplock) {}

    private Change prepare(int vmid, Map<String, String> params, Principal who) {
        vms.require(vmid);
        boolean skiplock = "1".equals(params.get("skiplock"));
        if (skiplock && !who.isRootPam()) {
            throw ApiException.param("skiplock", "Only root may use this option.");
        }
        List<String> delete = split(params.get("delete"));
        List<String> revert = split(params.get("revert"));
        Map<String, String> set = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!CONTROL.contains(k)) {
                set.put(k, v);
            }
        });
        if (set.isEmpty() && delete.isEmpty() && revert.isEmpty()) {
            throw ApiException.die("no options specified");
        }
        Perms perms = new Perms(node.pmxcfs().users());
        for (String k : delete) {
            if (set.containsKey(k)) {
                throw ApiException.param(
                        "delete", "you can't use '-" + k + "' and -delete " + k + "' at the same time");
            }
            if (!known(k)) {
                throw ApiException.param("delete", "unknown option '" + k + "'");
            }
            ConfigPerms.check(perms, who, vmid, k, null);
        }
        VmCreate normalizer = new VmCreate(node);
        int disk = nextDiskIndex(vmid);
        for (Map.Entry<String, String> e : set.entrySet()) {
            ConfigPerms.check(perms, who, vmid, e.getKey(), e.getValue());
            String v = normalizer.normalize(vmid, e.getKey(), e.getValue(), disk, who, perms);
            if (!v.equals(e.getValue()) && ConfigValues.isDrive(e.getKey())) {
                disk++;
            }
            e.setValue(v);
        }
        return new Change(set, delete, revert, params.get("digest"), skiplock);
    }

    private CompletableFuture<Void> apply(int vmid, Change c) {
        SimVm vm = vms.require(vmid);
        if (c.digest() != null && !c.digest().equals(vm.digest())) {
            throw ApiException.die("checksum mismatch (file change by other user?)");
        }
        VmService.checkLock(vm, c.skiplock());
        boolean running = vm.running();
        vm.withConfig(cfg -> {
            for (String k : c.revert()) {
                cfg.revert(k);
            }
            for (String k : c.delete()) {
                if (running && !hotpluggable(cfg, k)) {
                    cfg.deletePending(k);
                } else {
                    cfg.remove(k);
                    cfg.revert(k);
                }
            }
            c.set().forEach((k, v) -> {
                if (running && !hotpluggable(cfg, k)) {
                    cfg.setPending(k, v);
                } else {
                    cfg.set(k, v);
                    cfg.revert(k);
                }
            });
            return null;
        });
        return node.env().after(Step.CONFIG);
    }

    /** Fast-plug keys always; net/disk/usb when the VM's {@code hotplug} allows (default network,disk,usb). */
    private static boolean hotpluggable(VmConfig cfg, String key) {
        if (FAST_PLUG.contains(key)) {
            return true;
        }
        String hp = cfg.get("hotplug");
        String list = hp == null || hp.equals("1") ? "network,disk,usb" : hp.equals("0") ? "" : hp;
        Set<String> kinds = Set.of(list.split(","));
        if (ConfigValues.isNet(key)) {
            return kinds.contains("network");
        }
        if (ConfigValues.isDrive(key)) {
            return kinds.contains("disk");
        }
        return key.matches("usb\\d+") && kinds.contains("usb");
    }

    private static boolean known(String key) {
        return KNOWN.contains(key)
                || ConfigValues.isDrive(key)
                || ConfigValues.isNet(key)
                || key.matches("(ipconfig|unused|hostpci|usb|serial|parallel|numa|virtiofs)\\d+");
    }

    private int nextDiskIndex(int vmid) {
        Map<String, String> cfg = vms.require(vmid).currentConfig();
        int i = 0;
        while (true) {
            final String probe = "-disk-" + i;
            if (cfg.values().stream().noneMatch(v -> v.contains(probe))) {
                return i;
            }
            i++;
        }
    }

    private static List<String> split(String v) {
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String s : v.split("[,;\\s]+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
