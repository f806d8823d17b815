package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.preflight.HostLimits;
import io.jenkins.plugins.nestedpve.spec.DurationText;
import java.time.Duration;
import java.util.List;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * An administrator's limits on one host (part of {@link PveHostConfig}): which jobs may use it and what a step
 * may ask of it beyond the host's defaults. Every setting is optional; left empty, it limits nothing (as before
 * these settings existed), so configurations saved earlier keep loading and working. The rules themselves are
 * the core's {@link HostLimits}.
 */
public abstract class HostPolicySettings {
    private String allowedJobs;
    private String allowedBridges;
    private String allowedVlans;
    private String allowedStorages;
    private String allowedTemplates;
    private int maxMemoryMiB;
    private int maxCores;
    private String maxKeepOnFailure;

    public String getAllowedJobs() {
        return allowedJobs;
    }

    /** Full names of jobs or folders (a folder allows everything inside it); empty: every job. */
    @DataBoundSetter
    public void setAllowedJobs(String allowedJobs) {
        this.allowedJobs = trim(allowedJobs);
    }

    public String getAllowedBridges() {
        return allowedBridges;
    }

    @DataBoundSetter
    public void setAllowedBridges(String allowedBridges) {
        this.allowedBridges = trim(allowedBridges);
    }

    public String getAllowedVlans() {
        return allowedVlans;
    }

    @DataBoundSetter
    public void setAllowedVlans(String allowedVlans) {
        this.allowedVlans = trim(allowedVlans);
    }

    public String getAllowedStorages() {
        return allowedStorages;
    }

    @DataBoundSetter
    public void setAllowedStorages(String allowedStorages) {
        this.allowedStorages = trim(allowedStorages);
    }

    public String getAllowedTemplates() {
        return allowedTemplates;
    }

    @DataBoundSetter
    public void setAllowedTemplates(String allowedTemplates) {
        this.allowedTemplates = trim(allowedTemplates);
    }

    public int getMaxMemoryMiB() {
        return maxMemoryMiB;
    }

    /** Largest memory per guest; 0 for no cap. */
    @DataBoundSetter
    public void setMaxMemoryMiB(int maxMemoryMiB) {
        this.maxMemoryMiB = Math.max(0, maxMemoryMiB);
    }

    public int getMaxCores() {
        return maxCores;
    }

    /** Largest core count per guest; 0 for no cap. */
    @DataBoundSetter
    public void setMaxCores(int maxCores) {
        this.maxCores = Math.max(0, maxCores);
    }

    public String getMaxKeepOnFailure() {
        return maxKeepOnFailure;
    }

    /** Longest keep-on-failure, e.g. {@code 4h}; {@code 0} never keeps; empty for no cap. */
    @DataBoundSetter
    public void setMaxKeepOnFailure(String maxKeepOnFailure) {
        this.maxKeepOnFailure = trim(maxKeepOnFailure);
    }

    /**
     * The core's limits for these settings.
     *
     * @throws IllegalArgumentException naming the setting that does not parse
     */
    public HostLimits limits() {
        Duration keep;
        try {
            keep = maxKeepOnFailure == null ? null : DurationText.parse(maxKeepOnFailure);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("maximum keep-on-failure: " + e.getMessage());
        }
        List<Integer> vlans;
        try {
            vlans = HostLimits.vlans(allowedVlans);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("allowed VLAN tags: " + e.getMessage());
        }
        return new HostLimits(
                HostLimits.names(allowedBridges),
                vlans,
                HostLimits.names(allowedStorages),
                HostLimits.names(allowedTemplates),
                maxMemoryMiB,
                maxCores,
                keep);
    }

    /** Whether the job {@code jobFullName} (e.g. {@code team/app}) may use this host. */
    public boolean allowsJob(String jobFullName) {
        List<String> allowed = HostLimits.names(allowedJobs);
        return allowed.isEmpty()
                || allowed.stream()
                        .map(a -> a.endsWith("/") ? a.substring(0, a.length() - 1) : a)
                        .anyMatch(a -> jobFullName.equals(a) || jobFullName.startsWith(a + "/"));
    }

    /** The limits that are set, for {@code toString}; empty when there are none. */
    String limitsSummary() {
        StringBuilder b = new StringBuilder();
        append(b, "jobs", allowedJobs);
        append(b, "bridges", allowedBridges);
        append(b, "vlans", allowedVlans);
        append(b, "storages", allowedStorages);
        append(b, "templates", allowedTemplates);
        append(b, "max memory MiB", maxMemoryMiB > 0 ? String.valueOf(maxMemoryMiB) : null);
        append(b, "max cores", maxCores > 0 ? String.valueOf(maxCores) : null);
        append(b, "max keep", maxKeepOnFailure);
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(", ").append(name).append(' ').append(value);
        }
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
