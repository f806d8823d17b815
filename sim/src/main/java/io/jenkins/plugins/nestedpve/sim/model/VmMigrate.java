package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * {@code POST|GET /nodes/{node}/qemu/{vmid}/migrate} (pve-facts §11; qemu-server:src/PVE/API2/Qemu.pm
 * {@code migrate_vm}, QemuMigrate.pm): synchronous checks in Qemu.pm's order, a {@code qmigrate} task on
 * the source node whose log carries the cause while {@code exitstatus} is only {@code migration
 * aborted}; {@code lock: migrate} meanwhile; an online migration keeps the VM running and moves its
 * config only at the end.
 */
public final class VmMigrate {
    private static final Pattern LOCAL_DEVICE =
            Pattern.compile("usb\\d+|hostpci\\d+|serial\\d+|parallel\\d+|virtiofs\\d+|ivshmem");

    private final PveMachine node;
    private final VmService vms;
    private final Migration mig;

    public VmMigrate(PveMachine node) {
        this.node = node;
        this.vms = node.vms();
        this.mig = new Migration(node);
    }

    /** {@code POST .../migrate}: returns the qmigrate UPID. */
    public String migrate(int vmid, Map<String, String> p, Principal who) {
        new Perms(node.pmxcfs().users()).require(who, "/vms/" + vmid, "VM.Migrate");
        String target = p.get("target");
        mig.checkTarget(target);
        Migration.rootOnly(who, p, "force", "migration_type", "migration_network");
        SimVm vm = vms.require(vmid);
        VmService.checkLock(vm, false);
        boolean online = "1".equals(p.get("online"));
        if (vm.running() && !online) {
            throw ApiException.die("can't migrate running VM without --online");
        }
        boolean withLocal = "1".equals(p.get("with-local-disks"));
        boolean force = "1".equals(p.get("force"));
        return vms.task(
                "qmigrate",
                vmid,
                who,
                t -> vms.locked(
                        Migration.lockFile(vmid),
                        false,
                        node.env().latency().of(Step.LOCK_WAIT_DEFAULT),
                        () -> run(t, vmid, target, withLocal, force)));
    }

    private CompletableFuture<Void> run(SimTask t, int vmid, String target, boolean withLocal, boolean force) {
        Instant started = node.env().clock().instant();
        SimVm vm = vms.require(vmid);
        boolean live = vm.running();
        if (node.version().major() >= 9) {
            mig.log(t, "conntrack state migration not supported or disabled, active connections might get dropped");
        }
        mig.log(t, "starting migration of VM " + vmid + " to node '" + target + "' (" + mig.address(target) + ")");
        if (mig.reachable(target).isEmpty()) {
            throw mig.abort(t, started, Migration.NO_SSH);
        }
        List<String> devices = localDevices(vm);
        if (!devices.isEmpty() && !force) {
            throw mig.abort(t, started, "can't migrate VM which uses local devices: " + String.join(", ", devices));
        }
        vm.withConfig(c -> {
            c.set("lock", "migrate");
            return null;
        });
        List<String> problems = new ArrayList<>();
        List<String> disks = scan(vm, live, withLocal, problems);
        if (!problems.isEmpty()) {
            problems.forEach(x -> mig.log(t, x));
            String cause = "Problem found while scanning volumes - can't migrate VM - check log";
            mig.log(t, "ERROR: " + cause);
            mig.log(t, "aborting phase 1 - cleanup resources");
            unlock(vm);
            throw mig.abort(t, started, cause);
        }
        disks.forEach(
                d -> mig.log(t, "found local disk '" + d + "' (" + (live ? "attached" : "in current VM config") + ")"));
        if (live) {
            mig.log(t, "starting VM " + vmid + " on remote node '" + target + "'");
            mig.log(t, "ssh tunnel ver 1");
        } else {
            mig.log(t, "copying local disk images");
        }
        return node.env().after(Step.MIGRATE).thenRun(() -> finish(t, vm, target, live, disks));
    }

    private void finish(SimTask t, SimVm vm, String target, boolean live, List<String> disks) {
        if (live) {
            for (String d : disks) {
                String drive = driveOf(vm, d);
                mig.log(
                        t,
                        drive + ": start migration to nbd:unix:/run/qemu-server/" + vm.vmid()
                                + "_nbd.migrate:exportname=drive-" + drive);
                t.log("drive-" + drive + ": transferred 8.0 GiB of 8.0 GiB (100.00%) in 25s, ready");
            }
            if (!disks.isEmpty()) {
                t.log("all 'mirror' jobs are ready");
            }
            mig.log(t, "starting online/live migration on unix:/run/qemu-server/" + vm.vmid() + ".migrate");
            mig.log(t, "migration active, transferred 210.3 MiB of 2.0 GiB VM-state, 215.6 MiB/s");
            mig.log(t, "average migration speed: 682.7 MiB/s - downtime 54 ms");
            mig.log(t, "migration status: completed");
            disks.forEach(d -> t.log("drive-" + driveOf(vm, d) + ": Completed successfully."));
        } else {
            disks.forEach(d -> mig.log(t, "volume '" + d + "' is '" + d + "' on the target"));
        }
        // the config moves (a rename in pmxcfs); then qm unlock runs on the target
        vm.moveTo(target);
        unlock(vm);
        mig.log(t, "migration finished successfully (duration " + mig.realisticDuration() + ")");
    }

    private static void unlock(SimVm vm) {
        vm.withConfig(c -> {
            c.remove("lock");
            return null;
        });
    }

    private static String driveOf(SimVm vm, String volid) {
        return vm.currentConfig().entrySet().stream()
                .filter(e -> ConfigValues.isDrive(e.getKey())
                        && ConfigValues.volid(e.getValue()).equals(volid))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("scsi0");
    }

    private static List<String> localDevices(SimVm vm) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(vm.currentConfig()).entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (LOCAL_DEVICE.matcher(k).matches()
                    && !(k.startsWith("usb") && v.contains("host=spice"))
                    && !(k.startsWith("serial") && v.startsWith("socket"))) {
                out.add(k);
            }
        }
        return out;
    }

    /** The local volumes, and the problems QemuMigrate.pm's scan reports (pve-facts §11.3). */
    private static List<String> scan(SimVm vm, boolean live, boolean withLocal, List<String> problems) {
        List<String> local = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(vm.currentConfig()).entrySet()) {
            if (!ConfigValues.isDrive(e.getKey())) {
                continue;
            }
            String value = e.getValue();
            String volid = ConfigValues.volid(value);
            if (volid.equals("none") || ConfigValues.isCloudinit(value)) {
                continue;
            }
            if (ConfigValues.isCdrom(value)) {
                if (volid.startsWith("/dev/") || volid.equals("cdrom")) {
                    problems.add("can't migrate local cdrom drive");
                } else if (!Migration.shared(ConfigValues.storageOf(value))) {
                    problems.add("can't migrate local disk '" + volid + "': local cdrom image");
                }
                continue;
            }
            if (Migration.shared(ConfigValues.storageOf(value))) {
                continue;
            }
            if (volid.contains("/")) {
                problems.add("can't migrate '" + volid + "' as it's a clone of '"
                        + volid.substring(volid.indexOf(':') + 1, volid.indexOf('/')) + "'");
            } else if (live && !withLocal) {
                problems.add("can't migrate local disk '" + volid
                        + "': can't live migrate attached local disks without with-local-disks option");
            }
            local.add(volid);
        }
        return local;
    }

    /** {@code GET .../migrate} (Qemu.pm migrate_vm_precondition): offline members are allowed too. */
    public Map<String, Object> precondition(int vmid, Principal who) {
        new Perms(node.pmxcfs().users()).require(who, "/vms/" + vmid, "VM.Migrate");
        node.cluster().checkQuorum();
        SimVm vm = vms.require(vmid);
        VmService.checkLock(vm, false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("running", vm.running() ? 1 : 0);
        List<String> allowed = new ArrayList<>();
        node.pmxcfs()
                .corosync()
                .ifPresent(c -> c.members().stream()
                        .map(Corosync.Member::name)
                        .filter(n -> !n.equals(node.nodeName()))
                        .forEach(allowed::add));
        out.put("allowed_nodes", allowed);
        out.put("not_allowed_nodes", Map.of());
        List<Map<String, Object>> disks = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(vm.currentConfig()).entrySet()) {
            String v = e.getValue();
            if (!ConfigValues.isDrive(e.getKey())
                    || ConfigValues.volid(v).equals("none")
                    || Migration.shared(ConfigValues.storageOf(v))) {
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("volid", ConfigValues.volid(v));
            d.put("size", 8L * 1024 * 1024 * 1024);
            d.put("cdrom", ConfigValues.isCdrom(v) ? 1 : 0);
            d.put("is_unused", 0);
            d.put("is_attached", 1);
            d.put("drivename", e.getKey());
            disks.add(d);
        }
        out.put("local_disks", disks);
        out.put("local_resources", localDevices(vm));
        out.put("mapped-resources", List.of());
        out.put("mapped-resource-info", Map.of());
        if (node.version().major() >= 9) {
            out.put("has-dbus-vmstate", 1);
            out.put("dependent-ha-resources", List.of());
        }
        return out;
    }
}
