package io.jenkins.plugins.nestedpve.spec;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What nested PVE cluster to build. Each field is written once, here; {@link ClusterSpecBuilder} sets them by name
 * and {@link ClusterSpecBuilder#build()} checks every rule of {@link SpecRules} and reports all problems at once
 * ({@link SpecValidationException}), so nothing is created from a bad spec. Holds no secrets (the host's and the
 * guests' credentials travel separately).
 *
 * <p>Node {@code i} (1-based) is named {@code <nodeNamePrefix><i>}, by default {@code <clustername>-n1}, {@code
 * -n2}, ... A spec with one node builds a <b>standalone</b> PVE guest: no {@code pvecm create}, no joins, no quorum
 * wait (those phases are reported as skipped); the cluster name then only labels the guest and its outputs.
 *
 * @param host the physical PVE host
 * @param template the PVE template to clone
 * @param nodes number of PVE guests, 1..32; 1 = a standalone node, no cluster formed (default 3)
 * @param cores vCPUs per guest (default 2)
 * @param memoryMiB memory per guest (default 4096)
 * @param fullClone full clone (copy the disks) instead of the default linked clone
 * @param targetStorage target storage of a full clone, or null: see {@link #storage()}
 * @param resourcePool the host's resource pool, or null: see {@link #pool()}
 * @param bridge the bridge the guests attach to (default {@code vmbr0})
 * @param vlan VLAN tag 1..4094, or null for untagged: see {@link #vlanTag()}
 * @param addressing how guests get their address (default DHCP)
 * @param clusterName the PVE cluster name (default {@code np-} and six random base-36 characters)
 * @param nodeNamePrefix node names are this plus the node's number (default {@code <clustername in lower case>-n})
 * @param nesting how nested virtualization is ensured (default {@link NestingPolicy#REQUIRE})
 * @param smokeCheck whether to start a small VM inside the finished cluster (default on)
 * @param smokeCheckContainer whether the smoke check also creates, starts and destroys a small container from a
 *     CT template on the guest's storage (default off; only with {@code smokeCheck})
 * @param vmidRange the VMIDs the guests may take (default 80000..80999)
 * @param timeouts time limits of provisioning and teardown
 * @param keepOnFailure how long to keep a failed cluster for debugging; zero (default) destroys it at once
 * @param owner who asked: a Jenkins URL and job, or {@code user@host} for the CLI (required)
 * @param buildRef the build that asked, e.g. {@code folder/job#42} (default {@code manual})
 * @param guestSshPort the port sshd listens on inside the guests (default 22)
 * @param guestApiPort the PVE API port inside the guests (default 8006)
 * @param installationId the UUID of this nested-pve installation; the ownership markers carry it (required)
 * @param capacityTimeout how long to wait in the host's line for room (default 30 minutes; 0: fail at once when
 *     the host has no room now)
 * @param hostReserveMiB memory an administrator keeps free on the host besides the safety margin (default 0)
 * @param placement which nodes of the physical PVE cluster the guests go to (default: all on {@code host.node})
 * @param replacements how many guests that fail to clone, boot, report an address, accept SSH or take their
 *     identity may be destroyed and cloned afresh ({@value SpecRules#MAX_REPLACEMENTS} at most); null: the
 *     engine's default (the host configuration's, else 2)
 */
public record ClusterSpec(
        HostRef host,
        TemplateRef template,
        int nodes,
        int cores,
        int memoryMiB,
        boolean fullClone,
        String targetStorage,
        String resourcePool,
        String bridge,
        Integer vlan,
        Addressing addressing,
        String clusterName,
        String nodeNamePrefix,
        NestingPolicy nesting,
        boolean smokeCheck,
        boolean smokeCheckContainer,
        VmidRange vmidRange,
        Timeouts timeouts,
        Duration keepOnFailure,
        String owner,
        String buildRef,
        int guestSshPort,
        int guestApiPort,
        UUID installationId,
        Duration capacityTimeout,
        int hostReserveMiB,
        Placement placement,
        Integer replacements)
        implements Serializable {
    private static final long serialVersionUID = 2L;

    public static ClusterSpecBuilder builder() {
        return new ClusterSpecBuilder(ClusterSpecBuilder.DEFAULTS);
    }

    /** A builder holding this spec's values (the cluster name and prefix included). */
    public ClusterSpecBuilder toBuilder() {
        return new ClusterSpecBuilder(this);
    }

    /** The replacement budget: the spec's when set, else {@code engineDefault}. */
    public int replacementsOr(int engineDefault) {
        return replacements != null ? replacements : engineDefault;
    }

    /** Whether a PVE cluster is formed (more than one node). */
    public boolean clustered() {
        return nodes > 1;
    }

    /** Target storage of a full clone; empty for linked clones (they stay on the template's storage). */
    public Optional<String> storage() {
        return Optional.ofNullable(targetStorage);
    }

    /**
     * The host's resource pool the guests are cloned into (the clone call's {@code pool}), so that a token whose VM
     * privileges are granted on {@code /pool/<pool>} can create and manage them; empty: no pool.
     */
    public Optional<String> pool() {
        return Optional.ofNullable(resourcePool);
    }

    /** Where the guests go; a spec without a placement keeps every guest on {@code host.node}. */
    public Placement placementOrDefault() {
        return placement == null ? Placement.host() : placement;
    }

    public OptionalInt vlanTag() {
        return vlan == null ? OptionalInt.empty() : OptionalInt.of(vlan);
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
        return IntStream.rangeClosed(1, nodes).mapToObj(this::nodeName).toList();
    }
}
