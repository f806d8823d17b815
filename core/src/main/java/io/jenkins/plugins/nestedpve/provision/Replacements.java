package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.ssh.HostKeyRejectedException;
import io.jenkins.plugins.nestedpve.ssh.SshAuthException;
import io.jenkins.plugins.nestedpve.teardown.Teardown;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Node replacement, as Cluster API's health checks do for machines: a guest whose clone failed, that
 * never started or booted, whose agent never reported an address, that never accepted SSH, whose
 * identity step failed or whose join failed ({@link JoinHealing}) is destroyed and cloned afresh under a new VMID, while the other guests go on.
 * A per-cluster budget bounds it: when it is spent, the failure fails the provisioning as before.
 *
 * <p>Never replaced: a cancelled or interrupted guest; a failure of the nesting check (a new clone of
 * the same template has the same CPU); a host key that does not match or a refused login (someone may be
 * answering in the guest's place: that must fail the build, not be worked around); and a guest whose VM
 * could not be destroyed (its marker is kept, so the failure cleanup finds it).
 */
final class Replacements {
    /** How long destroying a failed guest may take. */
    private static final Duration DESTROY_LIMIT = Duration.ofMinutes(5);

    private static final Set<Phase> REPLACEABLE =
            EnumSet.of(Phase.CLONE, Phase.CONFIGURE, Phase.START, Phase.ADDRESS, Phase.SSH, Phase.IDENTITY, Phase.JOIN);

    private final RunContext run;
    private final HostRef hostRef;
    private final int budget;
    private final AtomicInteger used = new AtomicInteger();

    Replacements(RunContext run, HostRef hostRef, int budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("the replacement budget is at least 0, got " + budget);
        }
        this.run = run;
        this.hostRef = hostRef;
        this.budget = budget;
    }

    /** How many guests were replaced so far. */
    int used() {
        return used.get();
    }

    /**
     * Decides about {@code failure} of {@code slot}: when the guest may be replaced and the budget allows
     * it, destroys its VM and returns true (the caller clones again); otherwise returns false and the
     * failure stands.
     */
    boolean replace(GuestSlot slot, ProvisioningException failure) {
        if (!replaceable(failure)
                || run.cancellation().cancelled()
                || Thread.currentThread().isInterrupted()) {
            return false;
        }
        int n = used.incrementAndGet();
        if (n > budget) {
            used.decrementAndGet();
            run.warn(slot.name() + " failed in " + failure.phase().label() + " and the " + budget
                    + " replacement(s) of this cluster are used up");
            return false;
        }
        Integer vmid = vmidOf(slot);
        if (vmid != null && !destroyed(slot, vmid, failure)) {
            used.decrementAndGet();
            return false;
        }
        run.footprint().vmid(slot.index(), slot.name(), null);
        run.listener()
                .healed(new Healing(
                        Healing.Action.REPLACED,
                        failure.phase(),
                        slot.name(),
                        "failed in " + failure.phase().label() + " (" + Healing.firstLine(failure.getMessage()) + ")"
                                + (vmid == null ? "" : "; VM " + vmid + " destroyed")
                                + "; cloning a fresh one (replacement " + n + " of " + budget + ")"));
        return true;
    }

    static boolean replaceable(ProvisioningException failure) {
        if (failure.cancelled() || !REPLACEABLE.contains(failure.phase())) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HostKeyRejectedException
                    || t instanceof SshAuthException
                    || t instanceof InterruptedException) {
                return false;
            }
        }
        return true;
    }

    private Integer vmidOf(GuestSlot slot) {
        return run.footprint().guests().stream()
                .filter(g -> g.name().equals(slot.name()))
                .map(Footprint.GuestSighting::vmid)
                .filter(v -> v != null)
                .findFirst()
                .orElse(null);
    }

    private boolean destroyed(GuestSlot slot, int vmid, ProvisioningException failure) {
        try {
            TeardownReport report = new Teardown(run.ctx(), run.footprint().host(), hostRef, run.listener())
                    .destroy(List.of(new Teardown.Target(vmid, slot.name())), run.lease(), run.deadline(DESTROY_LIMIT));
            boolean gone = report.ok()
                    && report.vms().stream()
                            .allMatch(v -> v.result() == TeardownReport.Result.DESTROYED
                                    || v.result() == TeardownReport.Result.ALREADY_GONE);
            if (!gone) {
                run.warn("could not destroy " + slot.name() + " (VM " + vmid + ") to replace it: " + report.summary());
            }
            return gone;
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            return false;
        }
    }
}
