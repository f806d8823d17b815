package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.teardown.FailureCleanup;
import java.util.List;

/**
 * What happens after a provisioning failed, was cancelled or interrupted: the interrupt flag is
 * cleared so that cleanup can wait for tasks (and restored afterwards), the guests' sessions are
 * closed, diagnostics are gathered while there is something to look at, then {@link FailureCleanup}
 * destroys (or keeps) what the lease created. Nothing here throws: problems become suppressed
 * exceptions of the failure.
 */
final class AfterFailure {
    private final RunContext run;
    private final ClusterSpec spec;

    AfterFailure(RunContext run, ClusterSpec spec) {
        this.run = run;
        this.spec = spec;
    }

    void cleanUp(ProvisioningException failure) {
        boolean interrupted = Thread.interrupted();
        run.cancellation().beginCleanup();
        try {
            Footprint footprint = run.footprint();
            footprint.closeGuests(); // sessions to machines about to go
            if (footprint.host() == null) {
                return; // nothing was reachable, so nothing was created
            }
            List<String> diagnostics = Diagnostics.gather(footprint, failure);
            failure.addDiagnostics(diagnostics);
            diagnostics.forEach(d -> run.listener().message(Level.WARNING, d));
            new FailureCleanup(run.ctx(), footprint.host(), spec, run.lease(), run.listener())
                    .cleanUp(footprint.cloning(), failure, failure::keptUntil);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
