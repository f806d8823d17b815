package io.jenkins.plugins.nestedpve.plugin;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
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
 * {@code nestedPveUpgrade(to: '9', strategy: 'rolling', checker: 'gate', workload: true, report:
 * 'upgrade-report.xml')}: an upgrade trial of the enclosing {@code nestedPveCluster}, run by the core's upgrade
 * trial. Returns the trial's summary map and writes its JUnit report into the workspace. Configuration only; the
 * values are checked by the core's upgrade plan ({@link UpgradePlans}) and the behaviour is in {@link
 * UpgradeStepExecution}. A parameter left unset takes the core's default.
 */
public final class NestedPveUpgradeStep extends Step {
    private String to;
    private String strategy;
    private String checker;
    private String repository;
    private String mirror;
    private boolean workload;
    private String maxGuestDowntime;
    private String report;
    private String beforeNode;
    private String afterNode;

    /** Every parameter is optional. */
    @DataBoundConstructor
    public NestedPveUpgradeStep() {}

    @Override
    public StepExecution start(StepContext context) {
        return new UpgradeStepExecution(this, context);
    }

    public String getTo() {
        return to;
    }

    /** A PVE major such as {@code 9}, or {@code latest} (the newest release of the cluster's major). */
    @DataBoundSetter
    public void setTo(String to) {
        this.to = trim(to);
    }

    public String getStrategy() {
        return strategy;
    }

    /** {@code rolling} or {@code parallel}. */
    @DataBoundSetter
    public void setStrategy(String strategy) {
        this.strategy = trim(strategy);
    }

    public String getChecker() {
        return checker;
    }

    /** {@code gate}, {@code report} or {@code skip}. */
    @DataBoundSetter
    public void setChecker(String checker) {
        this.checker = trim(checker);
    }

    public String getRepository() {
        return repository;
    }

    /** {@code no-subscription}, {@code enterprise} or {@code test}. */
    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = trim(repository);
    }

    public String getMirror() {
        return mirror;
    }

    /** The PVE repository's base URL on a mirror. */
    @DataBoundSetter
    public void setMirror(String mirror) {
        this.mirror = trim(mirror);
    }

    public boolean isWorkload() {
        return workload;
    }

    /** Start one small VM and one container per node and watch them through the trial. */
    @DataBoundSetter
    public void setWorkload(boolean workload) {
        this.workload = workload;
    }

    public String getMaxGuestDowntime() {
        return maxGuestDowntime;
    }

    /** The longest a workload guest may be unreachable, e.g. {@code 30s}. */
    @DataBoundSetter
    public void setMaxGuestDowntime(String maxGuestDowntime) {
        this.maxGuestDowntime = trim(maxGuestDowntime);
    }

    public String getReport() {
        return report;
    }

    /** The JUnit report's path relative to the workspace, e.g. {@code upgrade-report.xml}. */
    @DataBoundSetter
    public void setReport(String report) {
        this.report = trim(report);
    }

    public String getBeforeNode() {
        return beforeNode;
    }

    /** A shell command run as root on each node before it is upgraded. */
    @DataBoundSetter
    public void setBeforeNode(String beforeNode) {
        this.beforeNode = trim(beforeNode);
    }

    public String getAfterNode() {
        return afterNode;
    }

    /** A shell command run as root on each node after its upgrade was verified. */
    @DataBoundSetter
    public void setAfterNode(String afterNode) {
        this.afterNode = trim(afterNode);
    }

    private static String trim(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The parameters without the user's commands (they may hold anything). */
    @Override
    public String toString() {
        return "nestedPveUpgrade(to: " + to + ", strategy: " + strategy + ", checker: " + checker + ", repository: "
                + repository + ", workload: " + workload + ", report: " + report + ")";
    }

    /** The step's descriptor: the snippet generator's choices and checks, each check asking the core's plan. */
    @Extension
    @Symbol("nestedPveUpgrade")
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
            return "nestedPveUpgrade";
        }

        @Override
        public String getDisplayName() {
            return "Run an upgrade trial on the nested PVE cluster";
        }

        @POST
        public ListBoxModel doFillStrategyItems(@AncestorInPath Item item) {
            return choices(item, UpgradePlans.strategies());
        }

        @POST
        public ListBoxModel doFillCheckerItems(@AncestorInPath Item item) {
            return choices(item, UpgradePlans.checkers());
        }

        @POST
        public ListBoxModel doFillRepositoryItems(@AncestorInPath Item item) {
            return choices(item, UpgradePlans.repositories());
        }

        private ListBoxModel choices(Item item, UpgradePlans.Choices choices) {
            ListBoxModel m = new ListBoxModel();
            if (permissions.canConfigure(item)) {
                m.add(new ListBoxModel.Option("(default: " + choices.byDefault() + ")", ""));
                choices.values().forEach(v -> m.add(new ListBoxModel.Option(v, v)));
            }
            return m;
        }

        @POST
        public FormValidation doCheckTo(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> UpgradePlans.checkTo(value));
        }

        @POST
        public FormValidation doCheckMirror(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> UpgradePlans.checkMirror(value));
        }

        @POST
        public FormValidation doCheckMaxGuestDowntime(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String workload) {
            return check(item, () -> UpgradePlans.checkMaxGuestDowntime(value, Boolean.parseBoolean(workload)));
        }

        @POST
        public FormValidation doCheckBeforeNode(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> UpgradePlans.checkBeforeNode(value));
        }

        @POST
        public FormValidation doCheckAfterNode(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> UpgradePlans.checkAfterNode(value));
        }

        @POST
        public FormValidation doCheckReport(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> UpgradePlans.checkReport(value));
        }
    }
}
