package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.util.concurrent.CompletableFuture;

/**
 * Power actions (pve-facts §3.6): each starts a task; errors that PVE raises inside the worker
 * (already running, locked, template, KVM unavailable) end the task, not the HTTP call.
 */
public final class VmPower {
    static final String KVM_MISSING = "KVM virtualisation configured, but not available. Either disable in VM"
            + " configuration or enable in BIOS.";

    private final PveMachine node;
    private final VmService vms;
    private final GuestLauncher guests;

    VmPower(PveMachine node, VmService vms) {
        this.node = node;
        this.vms = vms;
        this.guests = new GuestLauncher(node);
    }

    public GuestLauncher guests() {
        return guests;
    }

    private void checkPower(int vmid, Principal who, boolean skiplock) {
        vms.require(vmid);
        new Perms(node.pmxcfs().users()).require(who, "/vms/" + vmid, "VM.PowerMgmt");
        if (skiplock && !who.isRootPam()) {
            throw ApiException.param("skiplock", "Only root may use this option.");
        }
    }

    /** {@code POST .../status/start}. */
    public String start(int vmid, boolean skiplock, Principal who) {
        checkPower(vmid, who, skiplock);
        return vms.task("qmstart", vmid, who, t -> startNow(vmid, t, skiplock));
    }

    /** The work of qmstart (also used by create with start=1 and by reboot). */
    CompletableFuture<Void> startNow(int vmid, SimTask t, boolean skiplock) {
        return vms.locked(vmid, false, Step.LOCK_WAIT_DEFAULT, () -> {
            SimVm vm = vms.require(vmid);
            VmService.checkLock(vm, skiplock);
            if (vm.isTemplate()) {
                throw ApiException.die("you can't start a vm if it's a template");
            }
            if (vm.running()) {
                throw ApiException.die("VM " + vmid + " already running");
            }
            vm.withConfig(c -> {
                c.applyPending();
                return null;
            });
            String kvm = vm.get("kvm");
            if (!"0".equals(kvm) && !node.fs().exists("/dev/kvm")) {
                throw ApiException.die(KVM_MISSING);
            }
            if (vm.currentConfig().values().stream().anyMatch(ConfigValues::isCloudinit)) {
                t.log("generating cloud-init ISO");
            }
            return node.env().after(Step.START).thenRun(() -> {
                int boot = vm.markStarted(node.env().clock().instant());
                guests.onStarted(vm, boot, t);
            });
        });
    }

    /** {@code POST .../status/stop}: a stopped VM is a no-op that ends OK. */
    public String stop(int vmid, boolean skiplock, Principal who) {
        checkPower(vmid, who, skiplock);
        return vms.task("qmstop", vmid, who, t -> stopNow(vmid, skiplock, Step.STOP));
    }

    /** {@code POST .../status/shutdown}. */
    public String shutdown(int vmid, boolean skiplock, Principal who) {
        return shutdown(vmid, skiplock, null, false, who);
    }

    /**
     * {@code POST .../status/shutdown}: a guest OS that is not up ignores the ACPI request, so after
     * {@code timeout} seconds (default 60) the task fails with {@code VM quit/powerdown failed - got
     * timeout}, or stops the VM with {@code forceStop}.
     */
    public String shutdown(int vmid, boolean skiplock, Integer timeout, boolean forceStop, Principal who) {
        checkPower(vmid, who, skiplock);
        return vms.task("qmshutdown", vmid, who, t -> {
            SimVm vm = vms.require(vmid);
            PveMachine g = vm.guest();
            boolean osUp = vm.agentUp() || (g != null && g.isUp());
            if (!vm.running() || osUp) {
                return stopNow(vmid, skiplock, Step.SHUTDOWN);
            }
            java.time.Duration wait =
                    node.env().latency().scale(java.time.Duration.ofSeconds(timeout == null ? 60 : timeout));
            return node.env().afterReal(wait).thenCompose(v -> {
                if (!forceStop) {
                    throw ApiException.die("VM quit/powerdown failed - got timeout");
                }
                return stopNow(vmid, skiplock, Step.STOP);
            });
        });
    }

    private CompletableFuture<Void> stopNow(int vmid, boolean skiplock, Step how) {
        return vms.locked(vmid, false, Step.LOCK_WAIT_DEFAULT, () -> {
            SimVm vm = vms.require(vmid);
            VmService.checkLock(vm, skiplock);
            if (!vm.running()) {
                return CompletableFuture.completedFuture(null);
            }
            guests.onStopping(vm);
            return node.env().after(how).thenRun(vm::markStopped);
        });
    }

    /**
     * {@code POST .../status/reset} (Qemu.pm vm_reset, QemuServer.pm vm_reset): 500 {@code VM <id>
     * not running} synchronously; the qmreset task takes the config lock, checks {@code lock:} and
     * resets the machine at once. The guest OS is cut off and boots again; the QEMU process stays,
     * so pending changes stay pending.
     */
    public String reset(int vmid, boolean skiplock, Principal who) {
        checkPower(vmid, who, skiplock);
        if (!vms.require(vmid).running()) {
            throw ApiException.die("VM " + vmid + " not running");
        }
        return vms.task(
                "qmreset",
                vmid,
                who,
                t -> vms.locked(vmid, false, Step.LOCK_WAIT_DEFAULT, () -> {
                    SimVm vm = vms.require(vmid);
                    VmService.checkLock(vm, skiplock);
                    if (!vm.running()) {
                        throw ApiException.die("VM " + vmid + " not running");
                    }
                    guests.reset(vm);
                    return CompletableFuture.completedFuture(null);
                }));
    }

    /** {@code POST .../status/reboot}: 500 {@code VM <id> not running} synchronously. */
    public String reboot(int vmid, Principal who) {
        checkPower(vmid, who, false);
        if (!vms.require(vmid).running()) {
            throw ApiException.die("VM " + vmid + " not running");
        }
        return vms.task(
                "qmreboot",
                vmid,
                who,
                t -> stopNow(vmid, false, Step.SHUTDOWN).thenCompose(v -> startNow(vmid, t, false)));
    }
}
