package io.jenkins.plugins.nestedpve.cluster;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * What nested PVE cluster to build: immutable, created only through {@link ClusterSpecBuilder#build()},
 * which checks every rule and reports all problems at once ({@link SpecValidationException}), so
 * nothing is created from a bad spec. Holds no secrets (credentials travel separately as {@link
 * HostCredentials} and {@link GuestCredentials}).
 *
 * <p>Node {@code i} (1-based) is named {@code <nodeNamePrefix><i>}, by default {@code
 * <clustername>-n1}, {@code -n2}, ... A spec with one node builds a <b>standalone</b> PVE guest: no
 * {@code pvecm create}, no joins, no quorum wait (those phases are reported as skipped); the
 * cluster name then only labels the guest and its outputs.
 */
public final class ClusterSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HostRef host;
    private final TemplateRef template;
    private final int nodes;
    private final int cores;
    private final int memoryMiB;
    private final boolean fullClone;
    private final String storage;
    private final String pool;
    private final String bridge;
    private final Integer vlanTag;
    private final Addressing addressing;
    private final String clusterName;
    private final String nodeNamePrefix;
    private final NestingPolicy nesting;
    private final boolean smokeCheck;
    private final boolean smokeCheckContainer;
    private final VmidRange vmidRange;
    private final Timeouts timeouts;
    private final Duration keepOnFailure;
    private final String owner;
    private final String buildRef;
    private final int guestSshPort;
    private final int guestApiPort;
    private final UUID installationId;

    ClusterSpec(ClusterSpecBuilder b, String clusterName, String prefix) {
        this.host = b.host;
        this.template = b.template;
        this.nodes = b.nodes;
        this.cores = b.cores;
        this.memoryMiB = b.memoryMiB;
        this.fullClone = b.fullClone;
        this.storage = b.storage;
        this.pool = b.pool;
        this.bridge = b.bridge;
        this.vlanTag = b.vlanTag;
        this.addressing = b.addressing;
        this.clusterName = clusterName;
        this.nodeNamePrefix = prefix;
        this.nesting = b.nesting;
        this.smokeCheck = b.smokeCheck;
        this.smokeCheckContainer = b.smokeCheckContainer;
        this.vmidRange = b.vmidRange;
        this.timeouts = b.timeouts;
        this.keepOnFailure = b.keepOnFailure;
        this.owner = b.owner;
        this.buildRef = b.buildRef;
        this.guestSshPort = b.guestSshPort;
        this.guestApiPort = b.guestApiPort;
        this.installationId = b.installationId;
    }

    public static ClusterSpecBuilder builder() {
        return new ClusterSpecBuilder();
    }

    /** A builder holding this spec's values (the cluster name and prefix included). */
    public ClusterSpecBuilder toBuilder() {
        ClusterSpecBuilder b = new ClusterSpecBuilder();
        b.host = host;
        b.template = template;
        b.nodes = nodes;
        b.cores = cores;
        b.memoryMiB = memoryMiB;
        b.fullClone = fullClone;
        b.storage = storage;
        b.pool = pool;
        b.bridge = bridge;
        b.vlanTag = vlanTag;
        b.addressing = addressing;
        b.clusterName = clusterName;
        b.nodeNamePrefix = nodeNamePrefix;
        b.nesting = nesting;
        b.smokeCheck = smokeCheck;
        b.smokeCheckContainer = smokeCheckContainer;
        b.vmidRange = vmidRange;
        b.timeouts = timeouts;
        b.keepOnFailure = keepOnFailure;
        b.owner = owner;
        b.buildRef = buildRef;
        b.guestSshPort = guestSshPort;
        b.guestApiPort = guestApiPort;
        b.installationId = installationId;
        return b;
    }

    public HostRef host() {
        return host;
    }

    public TemplateRef template() {
        return template;
    }

    /** Number of PVE guests, 1..32; 1 = a standalone node, no cluster formed. */
    public int nodes() {
        return nodes;
    }

    /** Whether a PVE cluster is formed (more than one node). */
    public boolean clustered() {
        return nodes > 1;
    }

    public int cores() {
        return cores;
    }

    public int memoryMiB() {
        return memoryMiB;
    }

    /** Full clone (copy the disks) instead of the default linked clone. */
    public boolean fullClone() {
        return fullClone;
    }

    /**
     * The host's resource pool the guests are cloned into (the clone call's {@code pool}), so that a token whose
     * VM privileges are granted on {@code /pool/<pool>} can create and manage them; empty: no pool.
     */
    public Optional<String> pool() {
        return Optional.ofNullable(pool);
    }

    /** Target storage of a full clone; empty for linked clones (they stay on the template's storage). */
    public Optional<String> storage() {
        return Optional.ofNullable(storage);
    }

    public String bridge() {
        return bridge;
    }

    public OptionalInt vlanTag() {
        return vlanTag == null ? OptionalInt.empty() : OptionalInt.of(vlanTag);
    }

    public Addressing addressing() {
        return addressing;
    }

    public String clusterName() {
        return clusterName;
    }

    public String nodeNamePrefix() {
        return nodeNamePrefix;
    }

    /** The name of node {@code index} (1-based): {@code <prefix><index>}. */
    public String nodeName(int index) {
        if (index < 1 || index > nodes) {
            throw new IndexOutOfBoundsException("node index " + index + " outside 1.." + nodes);
        }
        return nodeNamePrefix + index;
    }

    /** All node names in order. */
    public List<String> nodeNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            names.add(nodeName(i));
        }
        return List.copyOf(names);
    }

    public NestingPolicy nesting() {
        return nesting;
    }

    /** Whether to start a small VM inside the finished cluster as a smoke check (default on). */
    public boolean smokeCheck() {
        return smokeCheck;
    }

    /**
     * Whether the smoke check also creates, starts and destroys a small container from a CT template
     * on the guest's storage (default off; only with {@link #smokeCheck()}).
     */
    public boolean smokeCheckContainer() {
        return smokeCheckContainer;
    }

    public VmidRange vmidRange() {
        return vmidRange;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** How long to keep a failed cluster for debugging; zero destroys it at once. */
    public Duration keepOnFailure() {
        return keepOnFailure;
    }

    /** Who asked for the cluster: a Jenkins URL and job, or {@code user@host} for the CLI. */
    public String owner() {
        return owner;
    }

    /** The build that asked, e.g. {@code folder/job#42}. */
    public String buildRef() {
        return buildRef;
    }

    public int guestSshPort() {
        return guestSshPort;
    }

    public int guestApiPort() {
        return guestApiPort;
    }

    /** The UUID of this nested-pve installation; the ownership markers carry it. */
    public UUID installationId() {
        return installationId;
    }

    @Override
    public String toString() {
        return "ClusterSpec[cluster=" + clusterName + ", nodes=" + nodes + " (" + nodeNamePrefix + "1..), host="
                + host.node() + " " + host.apiUrl() + ", " + template + ", cores=" + cores + ", memoryMiB="
                + memoryMiB + ", clone=" + (fullClone ? "full" + (storage == null ? "" : " to " + storage) : "linked")
                + (pool == null ? "" : ", pool=" + pool)
                + ", bridge=" + bridge + (vlanTag == null ? "" : " tag " + vlanTag) + ", addressing=" + addressing
                + ", nesting=" + nesting.label() + ", smokeCheck=" + smokeCheck + ", smokeCheckContainer="
                + smokeCheckContainer + ", vmids=" + vmidRange
                + ", keepOnFailure=" + keepOnFailure + ", owner=" + owner + ", build=" + buildRef + ", ports=ssh "
                + guestSshPort + "/api " + guestApiPort + ", installation=" + installationId + "]";
    }
}
