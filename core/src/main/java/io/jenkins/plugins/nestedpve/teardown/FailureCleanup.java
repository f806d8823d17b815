package io.jenkins.plugins.nestedpve.teardown;

import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What becomes of a failed provisioning's VMs: every VM of its lease — from the ledger, plus, once
 * cloning may have begun, a sweep of the host for the lease's marker — is destroyed, or with
 * keep-on-failure marked with an expiry. Cleanup errors are added to the failure as suppressed
 * exceptions; the first failure stays first.
 */
public final class FailureCleanup {
    private final EngineContext ctx;
    private final PveClient host;
    private final ClusterSpec spec;
    private final String lease;
    private final ProgressListener listener;

    /** @param host the physical host's client, open */
    public FailureCleanup(
            EngineContext ctx, PveClient host, ClusterSpec spec, String lease, ProgressListener listener) {
        this.ctx = ctx;
        this.host = host;
        this.spec = spec;
        this.lease = lease;
        this.listener = listener;
    }

    /**
     * @param sweep whether cloning may have begun (then the host is also swept for the lease's marker)
     * @param failure gets cleanup errors as suppressed exceptions
     * @param keptUntil told when the VMs are kept (keep-on-failure), before the warning says so
     */
    public void cleanUp(boolean sweep, Throwable failure, Consumer<Instant> keptUntil) {
        try {
            List<Teardown.Target> targets = targets(sweep);
            if (targets.isEmpty()) {
                return;
            }
            Teardown teardown = new Teardown(ctx, host, spec.host(), spec.vmidRange(), listener);
            TeardownReport report;
            if (spec.keepOnFailure().isZero()) {
                report = teardown.destroy(
                        targets,
                        lease,
                        Deadline.after(ctx.clock(), spec.timeouts().teardown()));
            } else {
                Instant until = ctx.clock().instant().plus(spec.keepOnFailure());
                report = teardown.keep(targets, lease, until);
                keptUntil.accept(until);
                listener.message(
                        Level.WARNING,
                        "keeping the failed cluster's guests for debugging until " + until + " (keepOnFailure)");
            }
            listener.message(Level.INFO, report.summary());
            report.errors().forEach(failure::addSuppressed);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The ledger's live VMs of this lease, plus VMs on the host carrying this lease's marker. */
    private List<Teardown.Target> targets(boolean sweep) {
        LeaseTargets t =
                new LeaseTargets(lease).fromLedger(ctx.ledger(), spec.host().id());
        if (sweep) {
            try {
                t.sweep(
                        host,
                        ctx.installationId(),
                        v -> v.hasTag(OwnershipMarker.TAG) || spec.vmidRange().contains(v.vmid()));
            } catch (RuntimeException e) {
                listener.message(
                        Level.WARNING, "could not sweep the host for VMs of lease " + lease + ": " + e.getMessage());
            }
        }
        return t.list();
    }
}
