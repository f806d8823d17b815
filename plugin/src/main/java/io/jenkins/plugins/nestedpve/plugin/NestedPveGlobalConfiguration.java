package io.jenkins.plugins.nestedpve.plugin;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The plugin's section of Manage Jenkins » System: the PVE hosts and the limits that protect them. JCasC:
 * {@code unclassified: nestedPve: {hosts: [...], maxNodesPerCluster: 5, ...}}.
 */
@Extension
@Symbol("nestedPve")
public class NestedPveGlobalConfiguration extends GlobalConfiguration {
    /** Upper bound of {@link #getMaxNodesPerCluster()}: corosync clusters of this tool stay small. */
    public static final int MAX_NODES_LIMIT = 32;

    static final int MAX_CLUSTERS_LIMIT = 100;
    static final int MAX_REAPER_INTERVAL_MINUTES = 24 * 60;

    private List<PveHostConfig> hosts = new ArrayList<>();
    private int maxNodesPerCluster = 5;
    private int maxConcurrentClusters = 2;
    private int reaperIntervalMinutes = 15;

    private transient PermissionChecker permissions;
    private transient ValidationRenderer renderer;

    /** The instance Jenkins creates; loads the saved configuration. */
    public NestedPveGlobalConfiguration() {
        this(PermissionChecker.jenkins(), ValidationRenderer.jenkins());
    }

    /** With explicit collaborators (tests, which also override {@link #load()} and {@link #save()}). */
    NestedPveGlobalConfiguration(PermissionChecker permissions, ValidationRenderer renderer) {
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        load();
    }

    /** The configuration of this Jenkins. */
    public static NestedPveGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(NestedPveGlobalConfiguration.class);
    }

    /** Restores the collaborators after XStream created the object without a constructor. */
    protected Object readResolve() {
        if (permissions == null) {
            permissions = PermissionChecker.jenkins();
        }
        if (renderer == null) {
            renderer = ValidationRenderer.jenkins();
        }
        return this;
    }

    public List<PveHostConfig> getHosts() {
        return List.copyOf(hosts);
    }

    /**
     * Replaces the hosts.
     *
     * @throws IllegalArgumentException when a host has no id or two share one
     */
    @DataBoundSetter
    public void setHosts(List<PveHostConfig> hosts) {
        List<PveHostConfig> copy = hosts == null ? new ArrayList<>() : new ArrayList<>(hosts);
        Set<String> ids = new HashSet<>();
        for (PveHostConfig h : copy) {
            if (h.getId() == null || h.getId().isEmpty()) {
                throw new IllegalArgumentException("Every PVE host needs an id (pipelines refer to hosts by id).");
            }
            if (!ids.add(h.getId())) {
                throw new IllegalArgumentException("Two PVE hosts have the id '" + h.getId() + "'; give each its own.");
            }
        }
        this.hosts = copy;
        save();
    }

    /** The host with this id. */
    public Optional<PveHostConfig> findHost(String id) {
        return hosts.stream().filter(h -> h.getId().equals(id)).findFirst();
    }

    public int getMaxNodesPerCluster() {
        return maxNodesPerCluster;
    }

    @DataBoundSetter
    public void setMaxNodesPerCluster(int maxNodesPerCluster) {
        this.maxNodesPerCluster = clamp(maxNodesPerCluster, MAX_NODES_LIMIT);
        save();
    }

    public int getMaxConcurrentClusters() {
        return maxConcurrentClusters;
    }

    @DataBoundSetter
    public void setMaxConcurrentClusters(int maxConcurrentClusters) {
        this.maxConcurrentClusters = clamp(maxConcurrentClusters, MAX_CLUSTERS_LIMIT);
        save();
    }

    public int getReaperIntervalMinutes() {
        return reaperIntervalMinutes;
    }

    /** Minutes between two runs of the reaper of expired and orphaned leases. */
    @DataBoundSetter
    public void setReaperIntervalMinutes(int reaperIntervalMinutes) {
        this.reaperIntervalMinutes = clamp(reaperIntervalMinutes, MAX_REAPER_INTERVAL_MINUTES);
        save();
    }

    /** Binds the form; a host list left empty in the form clears the hosts. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // a repeatable that the form leaves empty sends no key at all, so bindJSON would keep the old hosts
        hosts = new ArrayList<>();
        try {
            req.bindJSON(this, json);
        } catch (IllegalArgumentException e) {
            throw new FormException(e.getMessage(), "hosts");
        }
        save();
        return true;
    }

    @POST
    public FormValidation doCheckMaxNodesPerCluster(@QueryParameter String value) {
        permissions.checkAdminister();
        return renderer.render(HostChecks.positive(value, MAX_NODES_LIMIT, "The node limit"));
    }

    @POST
    public FormValidation doCheckMaxConcurrentClusters(@QueryParameter String value) {
        permissions.checkAdminister();
        return renderer.render(HostChecks.positive(value, MAX_CLUSTERS_LIMIT, "The cluster limit"));
    }

    @POST
    public FormValidation doCheckReaperIntervalMinutes(@QueryParameter String value) {
        permissions.checkAdminister();
        return renderer.render(HostChecks.positive(value, MAX_REAPER_INTERVAL_MINUTES, "The reaper interval"));
    }

    private static int clamp(int value, int max) {
        return Math.max(1, Math.min(max, value));
    }
}
