package io.jenkins.plugins.nestedpve.plugin;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.nestedpve.spec.SpecRules;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code nestedPveCluster(host: 'lab', nodes: 3, ...) { body }}: provisions a nested PVE cluster on a configured
 * host, runs the body with the cluster's {@code NESTED_PVE_*} environment, and always tears the cluster down.
 * Configuration only; the behaviour is in {@link ClusterStepExecution}. Unset parameters take the host's
 * settings, then the core's defaults.
 */
public final class NestedPveClusterStep extends Step {
    private final String host;
    private int nodes = 3;
    private String template;
    private int cores = 2;
    private int memoryMiB = 4096;
    private String storage;
    private boolean fullClone;
    private String bridge;
    private String placement;
    private Integer vlan;
    private Integer replacements;
    private String nesting;
    private boolean smokeCheck = true;
    private boolean smokeCheckContainer;
    private String clusterName;
    private String keepOnFailure;
    private String capacityTimeout;
    private String timeout;

    /** @param host the id of a PVE host configured in Manage Jenkins » System » Nested PVE */
    @DataBoundConstructor
    public NestedPveClusterStep(String host) {
        this.host = host == null ? null : host.strip();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new ClusterStepExecution(this, context);
    }

    public String getHost() {
        return host;
    }

    public int getNodes() {
        return nodes;
    }

    /** Number of PVE guests (default 3); 1 builds a standalone node without a cluster. */
    @DataBoundSetter
    public void setNodes(int nodes) {
        this.nodes = nodes;
    }

    public String getTemplate() {
        return template;
    }

    /** The template's VMID or name; default: the host's template. */
    @DataBoundSetter
    public void setTemplate(String template) {
        this.template = trim(template);
    }

    public int getCores() {
        return cores;
    }

    @DataBoundSetter
    public void setCores(int cores) {
        this.cores = cores;
    }

    public int getMemoryMiB() {
        return memoryMiB;
    }

    @DataBoundSetter
    public void setMemoryMiB(int memoryMiB) {
        this.memoryMiB = memoryMiB;
    }

    public String getStorage() {
        return storage;
    }

    /** Target storage of full clones; setting it makes full clones. Default: linked clones. */
    @DataBoundSetter
    public void setStorage(String storage) {
        this.storage = trim(storage);
    }

    public boolean isFullClone() {
        return fullClone;
    }

    /** Full clones onto the host's storage (or {@link #setStorage(String)}) instead of linked clones. */
    @DataBoundSetter
    public void setFullClone(boolean fullClone) {
        this.fullClone = fullClone;
    }

    public String getBridge() {
        return bridge;
    }

    @DataBoundSetter
    public void setBridge(String bridge) {
        this.bridge = trim(bridge);
    }

    public String getPlacement() {
        return placement;
    }

    /** {@code spread}, {@code pack}, {@code host} or node names separated by commas; unset: the host's. */
    @DataBoundSetter
    public void setPlacement(String placement) {
        this.placement = trim(placement);
    }

    public Integer getVlan() {
        return vlan;
    }

    /** VLAN tag 1..4094; 0 for untagged; unset: the host's. */
    @DataBoundSetter
    public void setVlan(Integer vlan) {
        this.vlan = vlan;
    }

    public Integer getReplacements() {
        return replacements;
    }

    /** How many failing nodes may be destroyed and cloned afresh, 0 to 10; unset: the host's (else 2). */
    @DataBoundSetter
    public void setReplacements(Integer replacements) {
        this.replacements = replacements;
    }

    public String getNesting() {
        return nesting;
    }

    /** {@code require}, {@code enable}, {@code emulate} or {@code skip}; unset: the host's policy. */
    @DataBoundSetter
    public void setNesting(String nesting) {
        this.nesting = trim(nesting);
    }

    public boolean isSmokeCheck() {
        return smokeCheck;
    }

    @DataBoundSetter
    public void setSmokeCheck(boolean smokeCheck) {
        this.smokeCheck = smokeCheck;
    }

    public boolean isSmokeCheckContainer() {
        return smokeCheckContainer;
    }

    /** The smoke check also starts a container from a CT template on the guest's storage (default off). */
    @DataBoundSetter
    public void setSmokeCheckContainer(boolean smokeCheckContainer) {
        this.smokeCheckContainer = smokeCheckContainer;
    }

    public String getClusterName() {
        return clusterName;
    }

    /** Default: {@code np-} and six random characters. */
    @DataBoundSetter
    public void setClusterName(String clusterName) {
        this.clusterName = trim(clusterName);
    }

    public String getKeepOnFailure() {
        return keepOnFailure;
    }

    /** How long to keep the guests when provisioning or the body fails, e.g. {@code 2h}; default: not kept. */
    @DataBoundSetter
    public void setKeepOnFailure(String keepOnFailure) {
        this.keepOnFailure = trim(keepOnFailure);
    }

    public String getCapacityTimeout() {
        return capacityTimeout;
    }

    /** How long to wait in the host's line for room, e.g. {@code 30m} (the default); {@code 0} fails at once. */
    @DataBoundSetter
    public void setCapacityTimeout(String capacityTimeout) {
        this.capacityTimeout = trim(capacityTimeout);
    }

    public String getTimeout() {
        return timeout;
    }

    /** Bound of the whole provisioning, e.g. {@code 45m}; default 60 minutes. */
    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = trim(timeout);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "nestedPveCluster(host: " + host + ", nodes: " + nodes + ", template: " + template + ")";
    }

    /** The step's descriptor: the snippet generator's choices and checks. */
    @Extension
    @Symbol("nestedPveCluster")
    public static final class DescriptorImpl extends StepDescriptor {
        private final PermissionChecker permissions;
        private final ValidationRenderer renderer;
        private final Supplier<HostDirectory> hosts;

        /** The descriptor Jenkins creates. */
        public DescriptorImpl() {
            this(PermissionChecker.jenkins(), ValidationRenderer.jenkins(), HostDirectory::jenkins);
        }

        DescriptorImpl(PermissionChecker permissions, ValidationRenderer renderer, Supplier<HostDirectory> hosts) {
            this.permissions = Objects.requireNonNull(permissions, "permissions");
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            this.hosts = Objects.requireNonNull(hosts, "hosts");
        }

        @Override
        public String getFunctionName() {
            return "nestedPveCluster";
        }

        @Override
        public String getDisplayName() {
            return "Run the block with an ephemeral nested Proxmox VE cluster";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        /** Lets {@code nestedPveSh} outside the block fail with "surround it with nestedPveCluster". */
        @Override
        public Set<? extends Class<?>> getProvidedContext() {
            return Set.of(NestedPveClusterContext.class);
        }

        @POST
        public ListBoxModel doFillHostItems(@AncestorInPath Item item) {
            ListBoxModel m = new ListBoxModel();
            hostIds(item).forEach(id -> m.add(new ListBoxModel.Option(id, id)));
            return m;
        }

        /** The configured host ids, for those who may configure {@code item}; nothing for others. */
        List<String> hostIds(Item item) {
            return permissions.canConfigure(item)
                    ? hosts.get().all().stream().map(PveHostConfig::getId).toList()
                    : List.of();
        }

        @POST
        public ListBoxModel doFillNestingItems(@AncestorInPath Item item) {
            ListBoxModel m = new ListBoxModel();
            if (permissions.canConfigure(item)) {
                m.add(new ListBoxModel.Option("(the host's policy)", ""));
                for (String p : new String[] {"require", "enable", "emulate", "skip"}) {
                    m.add(new ListBoxModel.Option(p, p));
                }
            }
            return m;
        }

        @POST
        public FormValidation doCheckHost(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> ClusterStepChecks.host(value, hosts.get()));
        }

        @POST
        public FormValidation doCheckNodes(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> ClusterStepChecks.nodes(value, hosts.get()));
        }

        @POST
        public FormValidation doCheckTemplate(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> ClusterStepChecks.template(value));
        }

        @POST
        public FormValidation doCheckCores(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> Validation.whole(value, SpecRules::cores));
        }

        @POST
        public FormValidation doCheckMemoryMiB(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> Validation.whole(value, SpecRules::memoryMiB));
        }

        @POST
        public FormValidation doCheckStorage(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> ClusterStepChecks.storage(value));
        }

        @POST
        public FormValidation doCheckBridge(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> ClusterStepChecks.bridge(value));
        }

        @POST
        public FormValidation doCheckVlan(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> ClusterStepChecks.vlan(value));
        }

        @POST
        public FormValidation doCheckKeepOnFailure(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> ClusterStepChecks.keepOnFailure(value));
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, () -> ClusterStepChecks.timeout(value));
        }

        /** The check, for those who may configure {@code item} only. */
        private FormValidation check(Item item, Supplier<Validation> validation) {
            permissions.checkConfigure(item);
            return renderer.render(validation.get());
        }
    }
}
