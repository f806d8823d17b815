package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.cluster.RootShell;
import io.jenkins.plugins.nestedpve.spec.SpecRules;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * The running {@code nestedPveSh}: finds the enclosing cluster in the step context and its root password by lease
 * id in the controller's memory ({@link ClusterSecrets}), then runs the script node by node. Stopping it closes
 * the SSH channel. After a controller restart the password is gone, and the step fails saying so.
 */
final class ShStepExecution extends SynchronousNonBlockingStepExecution<Object> {
    private static final long serialVersionUID = 1L;

    /** Default bound of the script on one node. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    private final transient NestedPveShStep step;
    private transient volatile ClusterServices services;
    private transient volatile RootShell shell;

    ShStepExecution(NestedPveShStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    /** With explicit services (tests). */
    ShStepExecution(NestedPveShStep step, StepContext context, ClusterServices services) {
        this(step, context);
        this.services = services;
    }

    @Override
    protected Object run() throws Exception {
        if (step.isReturnStdout() && step.isReturnStatus()) {
            throw new AbortException("nestedPveSh: returnStdout and returnStatus exclude each other; choose one.");
        }
        NestedPveClusterContext cluster = getContext().get(NestedPveClusterContext.class);
        PrintStream log = getContext().get(TaskListener.class).getLogger();
        List<NestedNode> nodes = NodeSelector.select(cluster, step.getNode());
        String password = services().secrets().revealFor(cluster, "nestedPveSh", "to use nestedPveSh");
        Duration timeout =
                SpecRules.duration("nestedPveSh timeout", step.getTimeout()).orElse(DEFAULT_TIMEOUT);
        boolean all = nodes.size() > 1;
        Map<String, Object> results = new LinkedHashMap<>();
        try (RootShell sh = new RootShell(services().engine().context().ssh(), "nestedPveSh")) {
            shell = sh;
            for (NestedNode node : nodes) {
                String prefix = all ? "[" + node.name() + "] " : "";
                ExecResult r = sh.run(node, password, step.getScript(), timeout, line -> log.println(prefix + line));
                if (!r.ok() && !step.isReturnStatus()) {
                    throw new AbortException("nestedPveSh: script returned exit code " + r.exitCode() + " on "
                            + node.name() + (all ? " (the nodes after it were not run)" : ""));
                }
                results.put(node.name(), step.isReturnStatus() ? Integer.valueOf(r.exitCode()) : r.stdout());
            }
        } finally {
            shell = null;
        }
        if (!step.isReturnStdout() && !step.isReturnStatus()) {
            return null;
        }
        return all ? results : results.values().iterator().next();
    }

    /** Closes the SSH channel of the running script, then lets Jenkins interrupt and fail the step. */
    @Override
    public void stop(Throwable cause) throws Exception {
        closeChannel();
        super.stop(cause);
    }

    /** What {@link #stop} adds to Jenkins' interrupt: the channel is closed even if a read ignores interrupts. */
    void closeChannel() {
        RootShell sh = shell;
        if (sh != null) {
            sh.abort();
        }
    }

    private ClusterServices services() {
        services = NestedPveLeases.servicesOr(services);
        return services;
    }
}
