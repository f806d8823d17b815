package io.jenkins.plugins.nestedpve.ledger;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One nested cluster's claim, as the {@link LeaseStore} keeps it: the lease id the core writes into every guest's
 * ownership marker, where the lease is in its life, and the adapter's own facts as opaque {@code tags} (the Jenkins
 * build and host id, the CLI's process id). Holds no secret: it is written to disk as it is.
 *
 * @param id the lease id
 * @param cluster the nested cluster's name
 * @param state where it is in its life
 * @param created when it was opened
 * @param keptUntil for a cluster kept after a failure: when it may be destroyed; otherwise null
 * @param updated the last change
 * @param tags the adapter's facts (never a secret), sorted by name
 * @param vmids the VMIDs the ledger shows as live for this lease, in creation order (not stored with the lease)
 */
public record Lease(
        String id,
        String cluster,
        LeaseState state,
        Instant created,
        Instant keptUntil,
        Instant updated,
        Map<String, String> tags,
        List<Integer> vmids) {
    public Lease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        vmids = List.copyOf(vmids);
    }

    /** A new lease in state {@link LeaseState#PROVISIONING}. */
    public static Lease opened(String id, String cluster, Map<String, String> tags, Instant now) {
        return new Lease(id, cluster, LeaseState.PROVISIONING, now, null, now, tags, List.of());
    }

    /** The tag {@code name}, or null. */
    public String tag(String name) {
        return tags.get(name);
    }

    public Lease withState(LeaseState next, Instant now) {
        return new Lease(id, cluster, next, created, keptUntil, now, tags, vmids);
    }

    public Lease withKeptUntil(Instant until, Instant now) {
        return new Lease(id, cluster, state, created, until, now, tags, vmids);
    }

    public Lease withVmids(List<Integer> live) {
        return new Lease(id, cluster, state, created, keptUntil, updated, tags, live);
    }

    /** Whether its guests still exist (or may) and its holder still answers for them. */
    public boolean isLive() {
        return state != LeaseState.RELEASED;
    }

    /** Whether the cluster is kept after a failure and its time is not up yet. */
    public boolean isKeptAt(Instant now) {
        return isLive() && keptUntil != null && now.isBefore(keptUntil);
    }
}
