package io.jenkins.plugins.nestedpve.spec;

import io.jenkins.plugins.nestedpve.pve.PveFormats;
import java.io.Serializable;

/**
 * The VMIDs guests may take, inclusive at both ends, within PVE's 100..999999999. Validated by
 * {@link ClusterSpecBuilder#build()}.
 */
public record VmidRange(int start, int end) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** PVE's smallest VMID. */
    public static final int MIN = PveFormats.VMID_MIN;
    /** PVE's largest VMID. */
    public static final int MAX = PveFormats.VMID_MAX;

    /**
     * The default: 80000..80999, away from the low ids PVE's {@code nextid} hands out and from
     * the 9000s commonly used for templates.
     */
    public static VmidRange defaults() {
        return new VmidRange(80_000, 80_999);
    }

    public boolean contains(int vmid) {
        return vmid >= start && vmid <= end;
    }

    /** How many ids the range holds (0 when end is before start). */
    public long size() {
        return Math.max(0L, (long) end - start + 1);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
