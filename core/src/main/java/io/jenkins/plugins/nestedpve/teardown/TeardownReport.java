package io.jenkins.plugins.nestedpve.teardown;

import io.jenkins.plugins.nestedpve.NestedPveException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a teardown did, VM by VM, and what went wrong. Teardown goes on past errors, so one report
 * can hold destroyed VMs and failures side by side.
 *
 * @param vms one outcome per VM considered, in the order handled
 * @param errors one error per VM that could not be handled (each says what to do by hand)
 */
public record TeardownReport(List<VmOutcome> vms, List<NestedPveException> errors) {
    /** What happened to one VM. */
    public enum Result {
        /** Stopped (if it ran) and destroyed. */
        DESTROYED,
        /** It did not exist (any more): counts as done. */
        ALREADY_GONE,
        /** It carries this installation's marker of another lease: another cluster's VM, left untouched. */
        NOT_OURS,
        /**
         * This installation recorded it as created, but it carries no valid marker of this installation
         * (removed, edited, of another installation): never destroyed automatically, left for a hand to
         * decide; see {@link TeardownReport#handCleanup()}.
         */
        UNMARKED,
        /** Kept for debugging: its marker now carries an expiry. */
        KEPT,
        /** Could not be handled; see {@link TeardownReport#errors()}. */
        FAILED
    }

    /**
     * @param vmid the VMID on the physical host
     * @param node the guest's node name, or null when unknown
     * @param result what happened
     * @param detail a short explanation
     */
    public record VmOutcome(int vmid, String node, Result result, String detail) {
        public VmOutcome {
            Objects.requireNonNull(result, "result");
            detail = detail == null ? "" : detail;
        }
    }

    public TeardownReport {
        vms = List.copyOf(vms);
        errors = List.copyOf(errors);
    }

    /** A report of nothing. */
    public static TeardownReport empty() {
        return new TeardownReport(List.of(), List.of());
    }

    /** Whether every VM was handled. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** The VMs left in place because they carry no marker of this installation ({@link Result#UNMARKED}). */
    public List<VmOutcome> unmarked() {
        return vms.stream().filter(v -> v.result() == Result.UNMARKED).toList();
    }

    /** Whether every VM was handled and none was left for a hand: nothing of this teardown remains. */
    public boolean clean() {
        return ok() && unmarked().isEmpty();
    }

    /**
     * One line per VM left for a hand, with the command that removes it once a person has checked it
     * is no longer wanted, e.g. {@code VM 80001 (np-x-n2) on node pve: no nested-pve marker in its
     * description: left untouched; if it is not needed: qm stop 80001 && qm destroy 80001 --purge}.
     */
    public List<String> handCleanup(String hostNode) {
        return unmarked().stream()
                .map(v -> "VM " + v.vmid() + (v.node() == null ? "" : " (" + v.node() + ")") + " on node " + hostNode
                        + ": " + v.detail() + "; if it is not needed: qm stop " + v.vmid() + " && qm destroy "
                        + v.vmid() + " --purge")
                .toList();
    }

    /** How many VMs have the given result. */
    public long count(Result result) {
        return vms.stream().filter(v -> v.result() == result).count();
    }

    /** This report followed by {@code other}. */
    public TeardownReport plus(TeardownReport other) {
        List<VmOutcome> v = new ArrayList<>(vms);
        v.addAll(other.vms);
        List<NestedPveException> e = new ArrayList<>(errors);
        e.addAll(other.errors);
        return new TeardownReport(v, e);
    }

    /**
     * One line, e.g. {@code teardown: 3 destroyed, 0 already gone, 1 not ours, 0 kept, 0 failed}, with
     * {@code , 1 unmarked (left for a hand)} when there are such VMs.
     */
    public String summary() {
        long unmarked = count(Result.UNMARKED);
        return "teardown: " + count(Result.DESTROYED) + " destroyed, " + count(Result.ALREADY_GONE)
                + " already gone, " + count(Result.NOT_OURS) + " not ours, " + count(Result.KEPT) + " kept, "
                + count(Result.FAILED) + " failed"
                + (unmarked == 0 ? "" : ", " + unmarked + " unmarked (left for a hand)");
    }
}
