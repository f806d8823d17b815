package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The qemu VMs of one node: lookup, locks, create, destroy and convert to template. Power actions,
 * clone and config updates live in {@link VmPower}, {@link VmClone} and {@link VmConfigUpdate}.
 */
public final class VmService {
    private final PveMachine node;
    private final VmPower power;
    private final VmClone clone;
    private final VmConfigUpdate config;
    private final GuestAgent agent;

    VmService(PveMachine node) {
        this.node = node;
        this.power = new VmPower(node, this);
        this.clone = new VmClone(node, this);
        this.config = new VmConfigUpdate(node, this);
        this.agent = new GuestAgent(node);
    }

    public GuestAgent agent() {
        return agent;
    }

    public VmPower power() {
        return power;
    }

    public VmClone clone() {
        return clone;
    }

    public VmConfigUpdate config() {
        return config;
    }

    /** A reboot from inside the guest of {@code vm}. */
    public void guestReboot(SimVm vm) {
        power.guests().guestReboot(vm);
    }

    /** The flock path of a VM config. */
    public static String lockPath(int vmid) {
        return "/var/lock/qemu-server/lock-" + vmid + ".conf";
    }

    /** The VM whose config lives on this node, else PVE's missing-config error. */
    public SimVm require(int vmid) {
        return node.pmxcfs()
                .vm(vmid)
                .filter(v -> v.node().equals(node.nodeName()) && !v.isContainer())
                .orElseThrow(() -> ApiException.die("Configuration file 'nodes/" + node.nodeName() + "/qemu-server/"
                        + vmid + ".conf' does not exist"));
    }

    /** {@code VM is locked (<lock>)} unless skiplock. */
    public static void checkLock(SimVm vm, boolean skiplock) {
        String lock = vm.lock();
        if (lock != null && !skiplock) {
            throw ApiException.die("VM is locked (" + lock + ")");
        }
    }

    /** Runs {@code body} holding the VM's config flock (waiting up to {@code wait}). */
    public <T> CompletableFuture<T> locked(int vmid, boolean shared, Step wait, Supplier<CompletableFuture<T>> body) {
        return locked(lockPath(vmid), shared, node.env().latency().of(wait), body);
    }

    /** Runs {@code body} holding {@code path}, released however the body ends. */
    public <T> CompletableFuture<T> locked(
            String path, boolean shared, Duration wait, Supplier<CompletableFuture<T>> body) {
        return node.locks().acquire(path, shared, wait).thenCompose(held -> {
            CompletableFuture<T> f;
            try {
                f = body.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            return f.whenComplete((r, e) -> held.close());
        });
    }

    /** Starts a task on this node. */
    public String task(String type, int vmid, Principal who, TaskRegistry.Body body) {
        return node.tasks()
                .start(node.nodeName(), type, Integer.toString(vmid), who.fullId(), body)
                .upid()
                .toString();
    }

    // ---- create ----------------------------------------------------------------------------

    /** {@code POST /nodes/{node}/qemu}: returns the qmcreate UPID. */
    public String create(int vmid, Map<String, String> params, Principal who) {
        Perms perms = new Perms(node.pmxcfs().users());
        perms.require(who, "/vms/" + vmid, "VM.Allocate");
        VmConfig cfg = new VmCreate(node).build(vmid, params, who, perms);
        checkUnused(vmid);
        boolean start = "1".equals(params.get("start"));
        if (start) {
            perms.require(who, "/vms/" + vmid, "VM.PowerMgmt");
        }
        return task(
                "qmcreate",
                vmid,
                who,
                t -> locked(vmid, false, Step.LOCK_WAIT_SHORT, () -> {
                            checkUnused(vmid);
                            cfg.set("lock", "create");
                            SimVm vm = new SimVm(
                                    vmid,
                                    node.nodeName(),
                                    cfg,
                                    node.env().clock().instant());
                            node.pmxcfs().addVm(vm);
                            return node.env()
                                    .after(Step.CREATE)
                                    .thenRun(() -> vm.withConfig(c -> {
                                        c.remove("lock");
                                        return null;
                                    }));
                        })
                        .thenCompose(
                                v -> start ? power.startNow(vmid, t, false) : CompletableFuture.completedFuture(null)));
    }

    /** {@code unable to create VM <id> - VM <id> already exists on node '<node>'}. */
    void checkUnused(int vmid) {
        node.pmxcfs().vm(vmid).ifPresent(v -> {
            throw ApiException.die(
                    "unable to create VM " + vmid + " - VM " + vmid + " already exists on node '" + v.node() + "'");
        });
    }

    // ---- destroy ---------------------------------------------------------------------------

    /** {@code DELETE /nodes/{node}/qemu/{vmid}}: returns the qmdestroy UPID. */
    public String destroy(int vmid, boolean skiplock, Principal who) {
        SimVm vm = require(vmid);
        new Perms(node.pmxcfs().users()).require(who, "/vms/" + vmid, "VM.Allocate");
        if (skiplock && !who.isRootPam()) {
            throw ApiException.param("skiplock", "Only root may use this option.");
        }
        if ("1".equals(vm.get("protection"))) {
            throw ApiException.die("can't remove VM " + vmid + " - protection mode enabled");
        }
        if (vm.running()) {
            throw ApiException.die("VM " + vmid + " is running - destroy failed");
        }
        return task(
                "qmdestroy",
                vmid,
                who,
                t -> locked(vmid, false, Step.LOCK_WAIT_DEFAULT, () -> {
                    SimVm now = require(vmid);
                    checkLock(now, skiplock);
                    if (now.running()) {
                        throw ApiException.die("VM " + vmid + " is running - destroy failed");
                    }
                    checkNoLinkedClones(now);
                    List<String> volumes = now.withConfig(c -> c.current().entrySet().stream()
                            .filter(e -> ConfigValues.isDrive(e.getKey()) && !ConfigValues.isCdrom(e.getValue()))
                            .map(e -> ConfigValues.volid(e.getValue()))
                            .toList());
                    return freeVolumes(volumes, t)
                            .thenCompose(v -> node.env().afterReal(rest(volumes.size())))
                            .thenRun(() -> {
                                node.pmxcfs().removeVm(now);
                                node.pmxcfs().users().removeVmFromPools(now.vmid()); // remove_vm_access
                                node.env().lan().release(ConfigValues.macOf(now.get("net0")));
                                PveMachine guest = now.guest();
                                if (guest != null) {
                                    guest.powerOff();
                                }
                            });
                }));
    }

    /**
     * Frees the volumes one by one, each under its storage's lock for {@link Step#STORAGE_FREE}
     * (pve-storage:src/PVE/Storage.pm vdisk_free takes cluster_lock_storage, a flock on
     * {@code /var/lock/pve-manager/pve-storage-<id>} for local storage): destroys running side by
     * side queue there, as clones do for their volume allocations. A free that cannot get the lock
     * within the default 10 s is a warning and the volume stays (qemu-server:src/PVE/QemuServer.pm
     * destroy_vm: {@code eval { vdisk_free }; log_warn("Could not remove disk ...")}).
     */
    private CompletableFuture<Void> freeVolumes(List<String> volumes, SimTask t) {
        Duration hold = node.env().latency().of(Step.STORAGE_FREE);
        Duration wait = node.env().latency().of(Step.LOCK_WAIT_DEFAULT);
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String v : volumes) {
            String lock = "/var/lock/pve-manager/pve-storage-" + v.substring(0, v.indexOf(':'));
            // destroy_vm: eval { vdisk_free }, a failure is a warning and the volume stays
            chain = chain.thenCompose(x -> locked(
                            lock, false, wait, () -> node.env().afterReal(hold))
                    .handle((r, e) -> {
                        if (e == null) {
                            t.log("  Logical volume \"" + v.substring(v.indexOf(':') + 1) + "\" successfully removed.");
                        } else {
                            t.warn("Could not remove disk '" + v + "', check manually: " + TaskRegistry.message(e));
                        }
                        return null;
                    }));
        }
        return chain;
    }

    /** The rest of a destroy after freeing {@code volumes} volumes: {@link Step#DESTROY} less the frees. */
    private Duration rest(int volumes) {
        Duration d = node.env()
                .latency()
                .of(Step.DESTROY)
                .minus(node.env().latency().of(Step.STORAGE_FREE).multipliedBy(volumes));
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** A template whose base volumes back linked clones cannot go (pve-facts §3.8). */
    private void checkNoLinkedClones(SimVm vm) {
        if (!vm.isTemplate()) {
            return;
        }
        for (Map.Entry<String, String> e : vm.currentConfig().entrySet()) {
            if (!ConfigValues.isDrive(e.getKey())) {
                continue;
            }
            String volid = ConfigValues.volid(e.getValue());
            for (SimVm other : node.pmxcfs().vms()) {
                if (other != vm && other.currentConfig().values().stream().anyMatch(v -> v.startsWith(volid + "/"))) {
                    throw ApiException.die("base volume '" + volid + "' is still in use by linked cloned");
                }
            }
        }
    }

    // ---- template --------------------------------------------------------------------------

    /** {@code POST .../template}: returns the qmtemplate UPID. */
    public String template(int vmid, Principal who) {
        SimVm vm = require(vmid);
        new Perms(node.pmxcfs().users()).require(who, "/vms/" + vmid, "VM.Allocate");
        if (vm.running()) {
            throw ApiException.die("you can't convert a VM to template if VM is running");
        }
        return task(
                "qmtemplate",
                vmid,
                who,
                t -> locked(vmid, false, Step.LOCK_WAIT_DEFAULT, () -> {
                    checkLock(vm, false);
                    return node.env()
                            .after(Step.CONFIG)
                            .thenRun(() -> vm.withConfig(c -> {
                                for (Map.Entry<String, String> e :
                                        Map.copyOf(c.current()).entrySet()) {
                                    String val = e.getValue();
                                    if (ConfigValues.isDrive(e.getKey()) && val.contains(":vm-" + vmid + "-disk-")) {
                                        c.set(
                                                e.getKey(),
                                                val.replace(":vm-" + vmid + "-disk-", ":base-" + vmid + "-disk-"));
                                        t.log("  Renamed \"vm-" + vmid + "-disk\" to \"base-" + vmid
                                                + "-disk\" in volume group \"pve\"");
                                    }
                                }
                                c.set("template", "1");
                                return null;
                            }));
                }));
    }
}
