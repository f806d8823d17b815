package io.jenkins.plugins.nestedpve.plugin;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.util.Objects;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code nestedPveSh(node: 'all', script: 'pveversion')}: runs a shell script as root on guests of the enclosing
 * {@code nestedPveCluster}, over SSH, with the output streamed to the build log. Fails on a non-zero exit unless
 * {@code returnStatus}; {@code returnStdout} returns the output instead of only logging it. With {@code node:
 * 'all'} it runs on every node in order, each line prefixed with the node's name, and returns a map by node name.
 */
public final class NestedPveShStep extends Step {
    private final String script;
    private String node;
    private boolean returnStdout;
    private boolean returnStatus;
    private String timeout;

    /** @param script the shell script (run by root's login shell on the guest) */
    @DataBoundConstructor
    public NestedPveShStep(String script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    @Override
    public StepExecution start(StepContext context) {
        return new ShStepExecution(this, context);
    }

    public String getScript() {
        return script;
    }

    public String getNode() {
        return node;
    }

    /** {@code 'all'}, a node name, or a node number ({@code '1'}); default: the first node. */
    @DataBoundSetter
    public void setNode(String node) {
        this.node = node == null || node.isBlank() ? null : node.strip();
    }

    public boolean isReturnStdout() {
        return returnStdout;
    }

    @DataBoundSetter
    public void setReturnStdout(boolean returnStdout) {
        this.returnStdout = returnStdout;
    }

    public boolean isReturnStatus() {
        return returnStatus;
    }

    @DataBoundSetter
    public void setReturnStatus(boolean returnStatus) {
        this.returnStatus = returnStatus;
    }

    public String getTimeout() {
        return timeout;
    }

    /** How long the script may run on one node, e.g. {@code 30m}; default 1 hour. */
    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = timeout == null || timeout.isBlank() ? null : timeout.strip();
    }

    @Override
    public String toString() {
        return "nestedPveSh(node: " + node + ", returnStdout: " + returnStdout + ", returnStatus: " + returnStatus
                + ")";
    }

    /** The step's descriptor. */
    @Extension
    @Symbol("nestedPveSh")
    public static final class DescriptorImpl extends InClusterStepDescriptor {
        /** The descriptor Jenkins creates. */
        public DescriptorImpl() {
            this(PermissionChecker.jenkins(), ValidationRenderer.jenkins());
        }

        DescriptorImpl(PermissionChecker permissions, ValidationRenderer renderer) {
            super(permissions, renderer);
        }

        @Override
        public String getFunctionName() {
            return "nestedPveSh";
        }

        @Override
        public String getDisplayName() {
            return "Run a shell script on nodes of the nested PVE cluster";
        }

        @POST
        public FormValidation doCheckScript(@AncestorInPath Item item, @QueryParameter String value) {
            return check(
                    item,
                    () -> value == null || value.isBlank()
                            ? Validation.error("Enter the script to run.")
                            : Validation.ok());
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> ClusterStepChecks.duration(value));
        }
    }
}
