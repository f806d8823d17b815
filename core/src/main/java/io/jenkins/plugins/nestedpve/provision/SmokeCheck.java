package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import io.jenkins.plugins.nestedpve.pve.ReconciledWrites;
import io.jenkins.plugins.nestedpve.pve.TaskFailedException;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The smoke check of the ready phase: the proof that nested virtualization works, as operators check it by hand: inside one
 * guest, create and start a small diskless VM ({@code kvm: 1} with hardware nesting, {@code kvm: 0}
 * when emulated), then stop and destroy it; with {@code smokeCheckContainer} also a small container
 * ({@link SmokeContainer}). Without KVM inside the guest PVE refuses the start with
 * {@code KVM virtualisation configured, but not available...} (pve-facts §6).
 */
final class SmokeCheck {
    /** Name of the inner VM. */
    static final String VM_NAME = "nested-pve-smoke";

    /** How often one write of the inner VM is sent again after it was shown not to have happened. */
    private static final int RESENDS = 2;

    private final RunContext run;
    private final ClusterSpec spec;
    private final String node;
    private final PveClient api;

    /** Checks inside {@code guest}, through its API. */
    SmokeCheck(RunContext run, ClusterSpec spec, IdentifiedGuest guest) {
        this.run = run;
        this.spec = spec;
        this.node = guest.name();
        this.api = guest.api();
    }

    void run(NestingMode mode) throws InterruptedException {
        Deadline deadline = run.deadline(spec.timeouts().command());
        boolean emulated = mode == NestingMode.EMULATED;
        int vmid = api.nextId();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("vmid", vmid);
        params.put("name", VM_NAME);
        params.put("memory", 128);
        params.put("cores", 1);
        params.put("kvm", emulated ? 0 : 1);
        ReconciledWrites writes = writes();
        writes.createVm(node, vmid, params, deadline);
        try {
            start(writes, vmid, emulated, deadline);
            writes.stopVm(node, vmid, deadline);
            run.info("inner VM " + vmid + " started and stopped on " + node + " (kvm: " + (emulated ? 0 : 1) + ")");
        } finally {
            destroyQuietly(vmid, deadline);
        }
        if (spec.smokeCheckContainer()) {
            new SmokeContainer(run, spec, node, api).run(deadline);
        }
    }

    /**
     * The inner VM's writes, decided by its state after an unknown outcome or a failed task (a transient
     * 503 of the guest's API, a failed task), each decision reported as an absorbed fault.
     */
    private ReconciledWrites writes() {
        return run.writes(api, RESENDS, Phase.SMOKE_CHECK, node, "inner ");
    }

    private void start(ReconciledWrites writes, int vmid, boolean emulated, Deadline deadline)
            throws InterruptedException {
        try {
            writes.startVm(node, vmid, deadline);
        } catch (TaskFailedException e) {
            throw new NestedPveException(
                    "the inner test VM " + vmid + " (kvm: " + (emulated ? 0 : 1)
                            + ") did not start on " + node + ": " + e.exitStatus()
                            + (emulated
                                    ? ""
                                    : " — hardware nesting does not work inside the guest; use nesting 'emulate'"
                                            + " (inner VMs with kvm: 0) or fix nesting on the physical host"),
                    e);
        }
    }

    private void destroyQuietly(int vmid, Deadline deadline) throws InterruptedException {
        try {
            if (!api.vmStatus(node, vmid).stopped()) {
                api.tasks().await(api.stopVm(node, vmid), deadline);
            }
            api.tasks().await(api.deleteVm(node, vmid, true, true), deadline);
        } catch (PveNotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            // the guests are destroyed with the cluster anyway; a stuck inner VM only costs a warning
            run.warn("could not destroy the inner test VM " + vmid + " on " + node + ": " + e.getMessage());
        }
    }
}
