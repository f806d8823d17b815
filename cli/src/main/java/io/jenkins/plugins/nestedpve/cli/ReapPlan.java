package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.lifecycle.ReapReport;
import io.jenkins.plugins.nestedpve.lifecycle.ReapScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reap --dry-run}: what the reaper would decide for each VM of this installation, without
 * destroying anything. Follows the reaper's rules: another owner is ignored; an expiry decides
 * alone; without one, a lease still held is kept, and an unknown lease is reaped once the VM is
 * older than the scope's minimum age.
 */
final class ReapPlan {
    /**
     * One VM's fate.
     *
     * @param reap whether the reaper would destroy it
     */
    record Entry(boolean reap, ReapReport.Decision decision) {}

    private ReapPlan() {}

    static List<Entry> plan(OwnedVms.Listing listing, ReapScope scope, Clock clock) {
        Instant now = clock.instant();
        List<Entry> out = new ArrayList<>();
        for (OwnedVms.Owned vm : listing.owned()) {
            OwnershipMarker m = vm.marker();
            if (scope.ownerIfSet().filter(o -> !o.equals(m.owner())).isPresent()) {
                continue;
            }
            out.add(entry(vm.vmid(), m, scope, clock, now));
        }
        return List.copyOf(out);
    }

    private static Entry entry(int vmid, OwnershipMarker m, ReapScope scope, Clock clock, Instant now) {
        if (m.expires() != null) {
            return m.expired(clock)
                    ? reap(vmid, m, "expired at " + m.expires())
                    : keep(vmid, m, "kept for debugging until " + m.expires());
        }
        if (scope.leases().isKnown(m.lease())) {
            return keep(vmid, m, "lease in use");
        }
        if (Duration.between(m.created(), now).compareTo(scope.minAge()) < 0) {
            return keep(vmid, m, "lease unknown, but created only at " + m.created());
        }
        return reap(vmid, m, "owner gone: lease " + m.lease() + " is unknown");
    }

    private static Entry reap(int vmid, OwnershipMarker m, String reason) {
        return new Entry(true, new ReapReport.Decision(vmid, m.lease(), reason));
    }

    private static Entry keep(int vmid, OwnershipMarker m, String reason) {
        return new Entry(false, new ReapReport.Decision(vmid, m.lease(), reason));
    }
}
