package io.jenkins.plugins.nestedpve.teardown;

import io.jenkins.plugins.nestedpve.cluster.MarkerKey;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.spec.VmidRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The one rule for "this installation may destroy this VM": its description carries a marker that
 * names this installation and whose signature verifies under the installation's {@link MarkerKey}
 * for the VMID it is found on, the VMID lies inside the configured range, and the VM carries the tag
 * {@value OwnershipMarker#TAG} (a VM with no tag at all is accepted where stated: a clone whose
 * configuration step has not run yet has its marker but no tag). A marker written before markers
 * were signed (format 1) is {@link Trust#UNSIGNED}: listed, never destroyed automatically.
 *
 * @param installation this installation's id
 * @param key this installation's marker key
 * @param vmids the configured VMID range
 */
public record OwnershipCheck(UUID installation, MarkerKey key, VmidRange vmids) {
    /** The whole VMID range PVE allows: used where no range is configured. */
    public static final VmidRange ANY_VMID = new VmidRange(VmidRange.MIN, VmidRange.MAX);

    /** What a VM's marker proves. Only {@link #OURS} may be destroyed. */
    public enum Trust {
        OURS("ours"),
        NO_MARKER("no nested-pve marker in its description"),
        OTHER_INSTALLATION("marker of another installation"),
        UNSIGNED("unsigned marker of this installation (written before markers were signed): never destroyed"
                + " automatically, destroy it by hand when it is no longer needed"),
        FORGED("marker names this installation but its signature does not verify for this VMID (copied or"
                + " edited)"),
        OUTSIDE_RANGE("VMID outside the configured VMID range"),
        UNTAGGED("VM does not carry the tag " + OwnershipMarker.TAG);

        private final String reason;

        Trust(String reason) {
            this.reason = reason;
        }

        /** Why, for reports. */
        public String reason() {
            return reason;
        }
    }

    public OwnershipCheck {
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(vmids, "vmids");
    }

    /** The check of {@code ctx}'s installation over {@code vmids}. */
    public static OwnershipCheck of(EngineContext ctx, VmidRange vmids) {
        return new OwnershipCheck(ctx.installationId(), ctx.markerKey(), vmids);
    }

    /**
     * @param vmid the VMID the marker was read from
     * @param tags the VM's tags
     * @param untaggedAllowed whether a VM with no tag at all may pass (a clone not configured yet)
     */
    public Trust check(int vmid, Optional<OwnershipMarker> marker, List<String> tags, boolean untaggedAllowed) {
        if (marker.isEmpty()) {
            return Trust.NO_MARKER;
        }
        OwnershipMarker m = marker.get();
        if (!m.isOwnedBy(installation)) {
            return Trust.OTHER_INSTALLATION;
        }
        if (!m.signed()) {
            return Trust.UNSIGNED;
        }
        if (!m.verifiedFor(vmid, key)) {
            return Trust.FORGED;
        }
        if (!vmids.contains(vmid)) {
            return Trust.OUTSIDE_RANGE;
        }
        boolean tagged = tags.stream().anyMatch(OwnershipMarker.TAG::equalsIgnoreCase);
        if (!tagged && !(untaggedAllowed && tags.isEmpty())) {
            return Trust.UNTAGGED;
        }
        return Trust.OURS;
    }
}
