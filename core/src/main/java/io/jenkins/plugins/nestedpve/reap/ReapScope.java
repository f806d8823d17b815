package io.jenkins.plugins.nestedpve.reap;

import io.jenkins.plugins.nestedpve.spec.VmidRange;
import io.jenkins.plugins.nestedpve.teardown.OwnershipCheck;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link Reaper} may destroy. Always only VMs whose marker names this engine's
 * installation; within those: VMs whose keep-on-failure expiry has passed, and VMs without expiry
 * whose lease the {@link LeaseOracle} does not know and that are older than {@code minAge} (so that
 * a provisioning that just started is not mistaken for an orphan).
 *
 * @param owner only VMs of this owner (the marker's {@code owner}), or null for every owner
 * @param leases knows the leases that still have an owner
 * @param minAge how old a VM without expiry must be before it counts as orphaned
 * @param vmids the configured VMID range: a VM outside it is never reaped
 */
public record ReapScope(String owner, LeaseOracle leases, Duration minAge, VmidRange vmids) {
    /** Default grace for orphans: 15 minutes. */
    public static final Duration DEFAULT_MIN_AGE = Duration.ofMinutes(15);

    public ReapScope {
        Objects.requireNonNull(leases, "leases");
        Objects.requireNonNull(minAge, "minAge");
        if (minAge.isNegative()) {
            throw new IllegalArgumentException("minAge must not be negative, got " + minAge);
        }
        Objects.requireNonNull(vmids, "vmids");
    }

    /** A scope over every VMID PVE allows; narrow it with {@link #withVmids}. */
    public ReapScope(String owner, LeaseOracle leases, Duration minAge) {
        this(owner, leases, minAge, OwnershipCheck.ANY_VMID);
    }

    /** This scope restricted to the configured VMID range. */
    public ReapScope withVmids(VmidRange range) {
        return new ReapScope(owner, leases, minAge, range);
    }

    /** Only VMs whose keep-on-failure expiry has passed. */
    public static ReapScope expiredOnly() {
        return new ReapScope(null, LeaseOracle.KNOWS_ALL, DEFAULT_MIN_AGE);
    }

    /** Expired VMs and VMs whose lease {@code leases} does not know (older than 15 minutes). */
    public static ReapScope orphans(LeaseOracle leases) {
        return new ReapScope(null, leases, DEFAULT_MIN_AGE);
    }

    /** This scope restricted to one owner. */
    public ReapScope forOwner(String owner) {
        return new ReapScope(Objects.requireNonNull(owner, "owner"), leases, minAge, vmids);
    }

    /** This scope with another orphan grace. */
    public ReapScope withMinAge(Duration age) {
        return new ReapScope(owner, leases, age, vmids);
    }

    public Optional<String> ownerIfSet() {
        return Optional.ofNullable(owner);
    }
}
