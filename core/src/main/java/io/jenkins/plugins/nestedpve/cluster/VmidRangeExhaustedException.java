package io.jenkins.plugins.nestedpve.cluster;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.VmidRange;

/** The VMID range has fewer free ids than guests to create. */
public class VmidRangeExhaustedException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final VmidRange range;
    private final int free;
    private final int needed;

    public VmidRangeExhaustedException(VmidRange range, int free, int needed) {
        super("VMID range " + range + " is exhausted: " + free + " of its " + range.size() + " ids "
                + (free == 1 ? "is" : "are") + " free but " + needed + " are needed — widen vmidRange, or destroy"
                + " leftover VMs in it (the reaper removes expired nested-pve guests)");
        this.range = range;
        this.free = free;
        this.needed = needed;
    }

    /** The same text as a Phase 0 problem of the field {@code vmidRange}. */
    public SpecProblem toProblem() {
        return new SpecProblem("vmidRange", getMessage());
    }

    public VmidRange range() {
        return range;
    }

    public int free() {
        return free;
    }

    public int needed() {
        return needed;
    }
}
