package io.jenkins.plugins.nestedpve.plugin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One nested cluster's claim on a host: which build made it, where, and which VMIDs it created. Holds no
 * secret: it is written to disk as it is.
 *
 * @param id the lease id (also written into each guest's ownership marker)
 * @param buildId the build's externalizable id, e.g. {@code folder/job#12}
 * @param hostId the id of the {@link PveHostConfig}
 * @param clusterName the nested cluster's name
 * @param vmids every VMID created so far, in creation order
 * @param created when the lease was opened
 * @param state where it is in its life
 * @param expiresAt for a cluster kept after a failure: when it may be destroyed; otherwise null
 * @param updated the last change
 */
public record Lease(
        String id,
        String buildId,
        String hostId,
        String clusterName,
        List<Integer> vmids,
        Instant created,
        LeaseState state,
        Instant expiresAt,
        Instant updated) {
    public Lease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(clusterName, "clusterName");
        vmids = List.copyOf(vmids);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updated, "updated");
    }

    /** A copy with {@code vmid} added (once). */
    Lease withVmid(int vmid, Instant now) {
        if (vmids.contains(vmid)) {
            return this;
        }
        List<Integer> more = new ArrayList<>(vmids);
        more.add(vmid);
        return new Lease(id, buildId, hostId, clusterName, more, created, state, expiresAt, now);
    }

    Lease withState(LeaseState newState, Instant now) {
        return new Lease(id, buildId, hostId, clusterName, vmids, created, newState, expiresAt, now);
    }

    Lease withExpiry(Instant expiry, Instant now) {
        return new Lease(id, buildId, hostId, clusterName, vmids, created, state, expiry, now);
    }

    /** Whether the guests still exist (or may). */
    public boolean isLive() {
        return state != LeaseState.RELEASED;
    }

    /** Whether the cluster is kept after a failure and its time is not up yet. */
    public boolean isKeptAt(Instant now) {
        return isLive() && expiresAt != null && now.isBefore(expiresAt);
    }
}
