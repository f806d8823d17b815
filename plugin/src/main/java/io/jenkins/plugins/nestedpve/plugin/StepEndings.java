package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** How a {@code nestedPveCluster} step ends, and the failures its users see. */
final class StepEndings {
    private StepEndings() {}

    /**
     * Ends the step: with {@code failure} (teardown errors suppressed), with an "incomplete teardown" failure when
     * only the teardown failed, or with the body's result.
     */
    static void finish(StepContext ctx, Throwable failure, Object result, List<Exception> teardownErrors) {
        if (failure != null) {
            teardownErrors.forEach(failure::addSuppressed);
            ctx.onFailure(failure);
        } else if (!teardownErrors.isEmpty()) {
            AbortException incomplete = new AbortException("nestedPveCluster: the block succeeded, but the teardown is"
                    + " incomplete: " + teardownErrors.get(0).getMessage() + " The reaper retries.");
            teardownErrors.forEach(incomplete::addSuppressed);
            ctx.onFailure(incomplete);
        } else {
            ctx.onSuccess(result);
        }
    }

    /** A provisioning failure as the user sees it: the core's message (phase, node, cause) without a stack. */
    static Throwable provisioningFailure(Exception e) {
        if (!(e instanceof ProvisioningException)) {
            return e;
        }
        AbortException a = new AbortException("nestedPveCluster: provisioning failed in " + e.getMessage());
        a.initCause(e);
        return a;
    }

    /**
     * The failure of a step whose provisioning or teardown was cut short by a controller restart.
     *
     * @param leased whether its lease had been opened (then its guests were cleaned up; otherwise none existed)
     */
    static AbortException restarted(String what, String clusterName, boolean leased) {
        return new AbortException("nestedPveCluster: Jenkins restarted while the step was " + what + " cluster "
                + (clusterName == null ? "" : clusterName + " ") + "(provisioning and teardown cannot resume);"
                + (leased ? " its guests were cleaned up." : " no guest had been created yet.")
                + " Run the build again.");
    }
}
