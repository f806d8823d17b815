package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST .../clone} as qemu-server's clone_vm does it (pve-facts §3.4): synchronous checks,
 * then a qmclone task (UPID id = source vmid) that takes a shared lock on a stopped source (1 s
 * wait), the new id's lock (1 s), re-checks, writes a {@code lock: clone} placeholder, clones each
 * disk under the storage lock and finally drops the lock. Failures after the placeholder remove it
 * and read {@code clone failed: ...}.
 */
public final class VmClone {
    /** Clone parameters. */
    public record Request(
            int newid,
            String name,
            String description,
            Boolean full,
            String storage,
            String format,
            String target,
            String pool,
            String snapname) {}

    private final PveMachine node;
    private final VmService vms;

    VmClone(PveMachine node, VmService vms) {
        this.node = node;
        this.vms = vms;
    }

    /** Starts the clone; returns the qmclone UPID. */
    public String clone(int vmid, Request r, Principal who) {
        checkPermissions(vmid, r, who);
        boolean running = vms.require(vmid).running();
        loadAndCheck(vmid, r, running);
        return vms.task("qmclone", vmid, who, t -> lockSource(vmid, running, () -> lockTarget(vmid, r, t)));
    }

    private void checkPermissions(int vmid, Request r, Principal who) {
        Perms perms = new Perms(node.pmxcfs().users());
        SimVm src = vms.require(vmid);
        perms.require(who, "/vms/" + vmid, "VM.Clone");
        if (r.pool() == null) {
            perms.require(who, "/vms/" + r.newid(), "VM.Allocate");
        } else {
            // VM.Allocate on /vms/{newid} or /pool/{pool} is the method's declared check, run before this
            if (!node.pmxcfs().users().poolExists(r.pool())) {
                throw ApiException.forbidden("pool '" + r.pool() + "' does not exist");
            }
        }
        for (Map.Entry<String, String> e : src.currentConfig().entrySet()) {
            if (ConfigValues.isDrive(e.getKey()) && !ConfigValues.isCdrom(e.getValue())) {
                String sid = r.storage() != null ? r.storage() : ConfigValues.storageOf(e.getValue());
                perms.require(who, "/storage/" + sid, "Datastore.AllocateSpace");
            } else if (ConfigValues.isNet(e.getKey())) {
                String bridge = ConfigValues.option(e.getValue(), "bridge");
                if (bridge != null) {
                    perms.require(who, "/sdn/zones/localnetwork/" + bridge, "SDN.Use");
                }
            }
        }
    }

    /** {@code target} unless it names this node ({@code localhost} too): then no move (Qemu.pm clone_vm). */
    private String target(Request r) {
        String t = r.target();
        return t == null || t.equals(node.nodeName()) || t.equals("localhost") ? null : t;
    }

    /**
     * The target's checks before the source is loaded (Qemu.pm clone_vm load_and_check): the target
     * must be in the corosync nodelist (an offline member passes), a full clone's storage must be
     * enabled there and shared.
     */
    private void checkTarget(String target, Request r) {
        if (target == null) {
            return;
        }
        boolean member = node.pmxcfs().corosync().flatMap(c -> c.member(target)).isPresent();
        if (!member) {
            throw ApiException.die("no such cluster node '" + target + "'");
        }
        if (r.storage() != null && Storage.holdsImages(node.pmxcfs(), r.storage())) {
            if (!Storage.isShared(node.pmxcfs(), r.storage())) {
                throw ApiException.die("can't clone to non-shared storage '" + r.storage() + "'");
            }
        }
    }

    /**
     * check_storage_access_clone's answer: whether every volume of the source (CD-ROMs and the
     * cloud-init drive included, {@code none} and the physical {@code cdrom} excepted) is on shared
     * storage.
     */
    private boolean sharedVm(SimVm src) {
        for (Map.Entry<String, String> e : src.currentConfig().entrySet()) {
            if (!ConfigValues.isDrive(e.getKey())) {
                continue;
            }
            String volid = ConfigValues.volid(e.getValue());
            if (volid == null || volid.equals("none") || volid.equals("cdrom") || !volid.contains(":")) {
                continue;
            }
            if (!Storage.isShared(node.pmxcfs(), volid.substring(0, volid.indexOf(':')))) {
                return false;
            }
        }
        return true;
    }

    /** The checks PVE runs before forking and again under the locks. */
    private boolean loadAndCheck(int vmid, Request r, boolean running) {
        checkTarget(target(r), r);
        SimVm src = vms.require(vmid);
        VmService.checkLock(src, false);
        if (src.running() != running) {
            throw ApiException.die("unexpected state change");
        }
        if (r.snapname() != null) {
            throw ApiException.die("snapshot '" + r.snapname() + "' does not exist");
        }
        boolean full = r.full() != null ? r.full() : !src.isTemplate();
        if (r.storage() != null && !full) {
            throw ApiException.die("parameter 'storage' not allowed for linked clones");
        }
        if (r.format() != null && !full) {
            throw ApiException.die("parameter 'format' not allowed for linked clones");
        }
        if (r.storage() != null && !Storage.exists(node.pmxcfs(), r.storage())) {
            throw ApiException.die("storage '" + r.storage() + "' does not exist");
        }
        if (r.storage() != null && !Storage.holdsImages(node.pmxcfs(), r.storage())) {
            throw ApiException.param("storage", "storage '" + r.storage() + "' does not support vm images");
        }
        if (target(r) != null && !sharedVm(src)) {
            throw ApiException.die("can't clone VM to node '" + target(r) + "' (VM uses local storage)");
        }
        for (Map.Entry<String, String> e : src.currentConfig().entrySet()) {
            String v = e.getValue();
            if (ConfigValues.isDrive(e.getKey())
                    && !ConfigValues.isCdrom(v)
                    && !ConfigValues.isCloudinit(v)
                    && !full
                    && !v.contains(":base-")) {
                throw ApiException.die("Linked clone feature is not supported for '" + ConfigValues.volid(v) + "' ("
                        + e.getKey() + ")");
            }
        }
        if (node.pmxcfs().vm(r.newid()).isPresent()) {
            throw ApiException.die("unable to create VM " + r.newid() + ": config file already exists");
        }
        return full;
    }

    private CompletableFuture<Void> lockSource(
            int vmid, boolean running, java.util.function.Supplier<CompletableFuture<Void>> next) {
        // exclusive lock if the source runs, else a shared one: parallel clones of a stopped template are fine
        return vms.locked(vmid, !running, Step.LOCK_WAIT_SHORT, next);
    }

    private CompletableFuture<Void> lockTarget(int vmid, Request r, SimTask t) {
        java.util.Optional<Duration> delay = node.env().faults().cloneStartDelay(r.newid());
        if (delay.isPresent()) {
            return node.env().afterReal(delay.get()).thenCompose(v -> lockTargetNow(vmid, r, t));
        }
        return lockTargetNow(vmid, r, t);
    }

    private CompletableFuture<Void> lockTargetNow(int vmid, Request r, SimTask t) {
        Duration wait = node.env().latency().of(Step.LOCK_WAIT_SHORT);
        if (node.env().faults().cloneLockTimeout(vmid, r.newid())) {
            return node.env()
                    .afterReal(wait)
                    .thenCompose(v -> CompletableFuture.failedFuture(
                            ApiException.die(FileLocks.timeoutMessage(VmService.lockPath(r.newid())))));
        }
        return vms.locked(VmService.lockPath(r.newid()), false, wait, () -> {
            checkNotInterrupted(t); // stopped while waiting for the locks: nothing was written
            boolean full = loadAndCheck(vmid, r, vms.require(vmid).running());
            SimVm src = vms.require(vmid);
            VmConfig placeholder = new VmConfig();
            placeholder.set("lock", "clone");
            SimVm vm = new SimVm(
                    r.newid(), node.nodeName(), placeholder, node.env().clock().instant());
            if (!node.pmxcfs().addVm(vm)) {
                throw ApiException.die("unable to create VM " + r.newid() + ": config file already exists");
            }
            // clone_vm's eval traps SIGTERM while disks are copied: clean up, "clone failed: ..."
            t.onInterrupt(() -> {
                node.pmxcfs().removeVm(vm);
                return "clone failed: interrupted by signal";
            });
            return copy(src, vm, r, full, t).handle((ok, err) -> {
                t.onInterrupt(null);
                if (err != null) {
                    node.pmxcfs().removeVm(vm);
                    throw ApiException.die("clone failed: " + TaskRegistry.message(err));
                }
                return null;
            });
        });
    }

    /** Builds the new config and clones the disks one by one under the storage lock. */
    private CompletableFuture<Void> copy(SimVm src, SimVm vm, Request r, boolean full, SimTask t) {
        ConfigValues values = new ConfigValues(node.env().random());
        VmConfig cfg = src.withConfig(VmConfig::copy);
        if (cfg.hasPending()) {
            t.warn("found pending changes for '"
                    + String.join(",", cfg.pending().keySet()) + "', discarding for clone");
        }
        VmConfig out = new VmConfig();
        List<String> disks = new ArrayList<>();
        cfg.current().forEach((k, v) -> {
            if (k.equals("template") || k.matches("unused\\d+") || k.equals("parent") || k.equals("lock")) {
                return;
            }
            if (ConfigValues.isNet(k)) {
                out.set(k, values.net(v, true));
            } else if (ConfigValues.isDrive(k) && !ConfigValues.isCdrom(v)) {
                disks.add(k);
            } else {
                out.set(k, v);
            }
        });
        out.set("smbios1", "uuid=" + values.uuid());
        if (out.has("vmgenid")) {
            out.set("vmgenid", values.uuid());
        }
        out.set("name", r.name() != null ? r.name() : "Copy-of-VM-" + (src.name() != null ? src.name() : src.vmid()));
        if (r.description() != null && !r.description().isEmpty()) {
            out.set("description", r.description());
        }
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String key : disks) {
            chain = chain.thenCompose(v -> cloneDisk(src, vm, key, cfg.get(key), full, r, out, t));
        }
        return chain.thenRun(() -> {
            checkNotInterrupted(t);
            finish(src, vm, out, r.pool());
            if (target(r) != null) {
                // the worker renames the finished config into the target's directory (pmxcfs)
                vm.moveTo(target(r));
            }
        });
    }

    /** Simulated work of {@code d}; a stop ends it early (the worker dies, its flocks go with it). */
    private CompletableFuture<Void> waitFor(Duration d, SimTask t) {
        return node.env().afterReal(d).applyToEither(t.interruption(), v -> null);
    }

    /** A stopped clone task makes no further changes. */
    private static void checkNotInterrupted(SimTask t) {
        if (t.interrupted()) {
            throw new SimFailure("interrupted by signal");
        }
    }

    private CompletableFuture<Void> cloneDisk(
            SimVm src, SimVm vm, String key, String value, boolean full, Request r, VmConfig out, SimTask t) {
        boolean cloudinit = ConfigValues.isCloudinit(value);
        boolean fullDisk = full || cloudinit;
        String volid = ConfigValues.volid(value);
        String sid = r.storage() != null && fullDisk ? r.storage() : ConfigValues.storageOf(value);
        String rest = value.contains(",") ? value.substring(value.indexOf(',')) : "";
        String newVol = cloudinit ? "vm-" + vm.vmid() + "-cloudinit" : "vm-" + vm.vmid() + "-" + diskName(volid);
        String stored = cloudinit || fullDisk ? sid + ":" + newVol : volid + "/" + newVol;
        t.log("create " + (fullDisk ? "full" : "linked") + " clone of drive " + key + " (" + volid + ")");
        Duration hold = node.env().latency().of(Step.STORAGE_ALLOC);
        Duration wait = node.env().latency().of(Step.LOCK_WAIT_DEFAULT);
        Step total = cloudinit ? Step.CONFIG : fullDisk ? Step.FULL_CLONE : Step.LINKED_CLONE;
        Duration remaining = node.env().latency().of(total).minus(hold);
        String lock = "/var/lock/pve-manager/pve-storage-" + sid;
        return vms.locked(lock, false, wait, () -> waitFor(hold, t))
                .thenRun(() -> {
                    checkNotInterrupted(t);
                    t.log("  Logical volume \"" + newVol + "\" created.");
                })
                .thenCompose(v -> waitFor(remaining.isNegative() ? Duration.ZERO : remaining, t))
                .thenRun(() -> {
                    checkNotInterrupted(t);
                    if (fullDisk && !cloudinit) {
                        t.log("transferred 32.0 GiB of 32.0 GiB (100.00%)");
                    }
                    out.set(key, stored + rest);
                });
    }

    private static String diskName(String volid) {
        String v = volid.substring(volid.indexOf(':') + 1);
        return v.substring(v.indexOf("-disk-") + 1);
    }

    private void finish(SimVm src, SimVm vm, VmConfig out, String pool) {
        OsImage img = src.image();
        if (img != null) {
            vm.setImage(img.copy(new FileLocks(node.env().scheduler())));
        }
        vm.withConfig(c -> {
            c.current().clear();
            c.current().putAll(out.current());
            return null;
        });
        if (pool != null) {
            // last step of qemu-server's clone worker: add_vm_to_pool($newid, $pool)
            node.pmxcfs().users().addVmToPool(vm.vmid(), pool);
        }
    }
}
