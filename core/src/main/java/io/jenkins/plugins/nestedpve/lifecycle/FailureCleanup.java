package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.events.Level;
import java.time.Instant;
import java.util.List;

/**
 * What happens after a provisioning failed, was cancelled or interrupted: the interrupt flag is
 * cleared so that cleanup can wait for tasks (and restored afterwards), diagnostics are gathered
 * while there is something to look at, then every VM of this lease — from the ledger, plus a sweep
 * of the host for this lease's marker — is destroyed, or with keep-on-failure marked with an expiry.
 * Cleanup errors are added to the failure as suppressed exceptions; the first failure stays first.
 */
final class FailureCleanup {
    private final ProvisionRun run;

    FailureCleanup(ProvisionRun run) {
        this.run = run;
    }

    void cleanUp(ProvisioningException failure) {
        boolean interrupted = Thread.interrupted();
        run.cancellation.beginCleanup();
        try {
            run.nodes.forEach(GuestNode::close); // sessions to machines about to go
            if (run.host == null) {
                return; // nothing was reachable, so nothing was created
            }
            List<String> diagnostics = Diagnostics.gather(run, failure);
            failure.addDiagnostics(diagnostics);
            diagnostics.forEach(d -> run.listener.message(Level.WARNING, d));
            List<Teardown.Target> targets = targets();
            if (targets.isEmpty()) {
                return;
            }
            Teardown teardown = new Teardown(run.ctx, run.host, run.spec.host(), run.spec.vmidRange(), run.listener);
            TeardownReport report;
            if (run.spec.keepOnFailure().isZero()) {
                report = teardown.destroy(
                        targets, run.lease, run.ctxDeadline(run.spec.timeouts().teardown()));
            } else {
                Instant until = run.ctx.clock().instant().plus(run.spec.keepOnFailure());
                report = teardown.keep(targets, run.lease, until);
                failure.keptUntil(until);
                run.warn("keeping the failed cluster's guests for debugging until " + until + " (keepOnFailure)");
            }
            run.info(report.summary());
            report.errors().forEach(failure::addSuppressed);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The ledger's live VMs of this lease, plus VMs on the host carrying this lease's marker. */
    private List<Teardown.Target> targets() {
        LeaseTargets t = new LeaseTargets(run.lease)
                .fromLedger(run.ctx.ledger(), run.spec.host().id());
        if (run.clonesStarted) {
            try {
                t.sweep(
                        run.host,
                        run.ctx.installationId(),
                        v -> v.hasTag(OwnershipMarker.TAG)
                                || run.spec.vmidRange().contains(v.vmid()));
            } catch (RuntimeException e) {
                run.warn("could not sweep the host for VMs of lease " + run.lease + ": " + e.getMessage());
            }
        }
        return t.list();
    }
}
