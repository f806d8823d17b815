package io.jenkins.plugins.nestedpve.reap;

import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.teardown.OwnershipCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The reaper's rules for one VM that carries this installation's marker, as a pure function: the
 * {@link Reaper} acts on the verdicts, a dry run only shows them. Another owner (when the scope
 * names one) is ignored; a VM that is not {@link OwnershipCheck.Trust#OURS} (unsigned, forged,
 * outside the range, untagged) is kept and listed with the reason; a lease this process is provisioning is kept; an expiry decides alone;
 * without one, a lease still held is kept and an unknown lease is reaped once the VM is older than
 * the scope's minimum age.
 */
public final class ReapRules {
    /**
     * A decision on one VM.
     *
     * @param reap whether the VM is to be destroyed
     */
    public record Verdict(boolean reap, ReapReport.Decision decision) {}

    private ReapRules() {}

    /**
     * The verdict on VM {@code vmid} with marker {@code m} naming this installation, or empty when
     * the scope leaves it alone (another owner).
     *
     * @param trust what {@link OwnershipCheck} found for the VM: anything but ours is kept
     * @param activeLeases leases being provisioned right now by this process: never reaped
     */
    public static Optional<Verdict> decide(
            int vmid,
            OwnershipMarker m,
            OwnershipCheck.Trust trust,
            ReapScope scope,
            Set<String> activeLeases,
            Clock clock) {
        if (scope.ownerIfSet().filter(o -> !o.equals(m.owner())).isPresent()) {
            return Optional.empty();
        }
        if (trust != OwnershipCheck.Trust.OURS) {
            return Optional.of(keep(vmid, m, trust.reason()));
        }
        if (activeLeases.contains(m.lease())) {
            return Optional.of(keep(vmid, m, "being provisioned by this engine"));
        }
        if (m.expires() != null) {
            return Optional.of(
                    m.expired(clock)
                            ? reap(vmid, m, "expired at " + m.expires())
                            : keep(vmid, m, "kept for debugging until " + m.expires()));
        }
        if (scope.leases().isKnown(m.lease())) {
            return Optional.of(keep(vmid, m, "lease in use"));
        }
        if (Duration.between(m.created(), clock.instant()).compareTo(scope.minAge()) < 0) {
            return Optional.of(keep(vmid, m, "lease unknown, but created only at " + m.created()));
        }
        return Optional.of(reap(vmid, m, "owner gone: lease " + m.lease() + " is unknown"));
    }

    private static Verdict reap(int vmid, OwnershipMarker m, String reason) {
        return new Verdict(true, new ReapReport.Decision(vmid, m.lease(), reason));
    }

    private static Verdict keep(int vmid, OwnershipMarker m, String reason) {
        return new Verdict(false, new ReapReport.Decision(vmid, m.lease(), reason));
    }
}
