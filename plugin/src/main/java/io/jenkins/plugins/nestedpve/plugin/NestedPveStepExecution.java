package io.jenkins.plugins.nestedpve.plugin;

import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What the block and upgrade steps' executions share: this Jenkins' {@link ClusterServices} (found again after a
 * restart), the way to run work off the CPS thread, and a line in the build log. Both are seams that tests set with
 * {@link #attach}; program.dat holds neither.
 */
abstract class NestedPveStepExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;

    private transient volatile ClusterServices services;
    private transient volatile StepBackground background;

    NestedPveStepExecution(StepContext context) {
        super(context);
    }

    /** Gives the services and the way to run background work, as Jenkins would find them (tests). */
    void attach(ClusterServices services, StepBackground background) {
        this.services = services;
        this.background = background;
    }

    final ClusterServices services() {
        services = NestedPveLeases.servicesOr(services);
        return services;
    }

    /** {@code run(block)} in Jenkins: what the task throws fails the step. */
    final StepBackground background() {
        StepBackground b = background;
        return b != null ? b : task -> run(task::run);
    }

    final void say(String line) {
        BuildLogListener.say(getContext(), line);
    }
}
