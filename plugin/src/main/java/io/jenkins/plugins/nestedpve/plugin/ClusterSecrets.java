package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import hudson.util.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The per-cluster root passwords of the running clusters, by lease id, in the controller's memory only. Neither
 * program.dat, nor the lease file, nor the build's XML holds them: the steps keep the lease id and ask here. A
 * controller restart empties it; {@code NESTED_PVE_ROOT_PASSWORD} is then no longer set and {@code nestedPveSh}
 * fails with a message saying so (the cluster is still torn down when its block ends). Thread-safe.
 */
public final class ClusterSecrets {
    private final Map<String, Secret> byLease = new ConcurrentHashMap<>();
    private final Function<String, Secret> wrap;
    private final SecretReader reader;

    /**
     * @param wrap makes a {@link Secret} ({@code Secret::fromString} in Jenkins)
     * @param reader reveals it
     */
    public ClusterSecrets(Function<String, Secret> wrap, SecretReader reader) {
        this.wrap = Objects.requireNonNull(wrap, "wrap");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** With {@link Secret#fromString} and {@link SecretReader#jenkins()}. */
    public static ClusterSecrets jenkins() {
        return new ClusterSecrets(Secret::fromString, SecretReader.jenkins());
    }

    /** Keeps the root password of the cluster of {@code leaseId}. */
    public void put(String leaseId, String rootPassword) {
        byLease.put(leaseId, wrap.apply(rootPassword));
    }

    /** The root password of the cluster of {@code leaseId}; empty when unknown (e.g. after a restart). */
    public Optional<String> reveal(String leaseId) {
        return leaseId == null
                ? Optional.empty()
                : Optional.ofNullable(byLease.get(leaseId)).map(reader::reveal);
    }

    /**
     * The root password of {@code cluster} for the step {@code step}, which needs it {@code purpose} (e.g. "to use
     * nestedPveSh").
     *
     * @throws AbortException after a controller restart, saying why and what to do
     */
    public String revealFor(NestedPveClusterContext cluster, String step, String purpose) throws AbortException {
        return reveal(cluster.getLeaseId())
                .orElseThrow(
                        () -> new AbortException(step + ": the root password of cluster " + cluster.getClusterName()
                                + " is kept only in the memory of the Jenkins controller that provisioned it, and Jenkins has"
                                + " restarted since. The cluster is still torn down when its nestedPveCluster block ends; run"
                                + " the build again " + purpose + "."));
    }

    /** Forgets the password: its cluster is being torn down. */
    public void forget(String leaseId) {
        if (leaseId != null) {
            byLease.remove(leaseId);
        }
    }

    @Override
    public String toString() {
        return "ClusterSecrets[" + byLease.size() + " cluster(s)]";
    }
}
