package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A provisioning running on its own thread, started by {@code engine.NestedPveEngine.start}. {@link
 * #cancel()} may be called from any thread (a Jenkins step's {@code stop()}, the CLI's SIGTERM
 * handler): the work is interrupted and everything created so far is destroyed (or kept, with
 * keep-on-failure) before {@link #await()} reports the {@link ProvisioningException}.
 */
public final class Provisioning {
    private final String lease;
    private final ClusterSpec spec;
    private final Secret rootPassword;
    private final Cancellation cancellation;
    private final Timeline timeline;
    private final CompletableFuture<NestedCluster> result = new CompletableFuture<>();

    Provisioning(String lease, ClusterSpec spec, Secret rootPassword, Cancellation cancellation, Timeline timeline) {
        this.lease = lease;
        this.spec = spec;
        this.rootPassword = rootPassword;
        this.cancellation = cancellation;
        this.timeline = timeline;
    }

    /** This provisioning's lease id; the ownership markers and the ledger carry it. */
    public String lease() {
        return lease;
    }

    public ClusterSpec spec() {
        return spec;
    }

    /**
     * The root password of every guest (set in the identity phase; SSH and the guests' API use it).
     * Never log it; pass it only to places that mask it.
     */
    public Secret rootPassword() {
        return rootPassword;
    }

    /** Every phase so far, with durations, on the engine's clock. */
    public Timeline timeline() {
        return timeline;
    }

    /**
     * Stops the provisioning: interrupts its work and lets cleanup run. Harmless when it has ended;
     * a cluster already handed out is not affected (tear it down with the engine).
     */
    public void cancel() {
        if (!result.isDone()) {
            cancellation.cancel();
        }
    }

    public boolean isDone() {
        return result.isDone();
    }

    /**
     * Waits for the result. When the waiting thread is interrupted the provisioning is cancelled,
     * its cleanup awaited, the interrupt flag set again, and the failure thrown.
     *
     * @throws ProvisioningException naming the phase, the node and the cause; cleanup errors are
     *     suppressed exceptions of it
     */
    public NestedCluster await() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel();
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    void complete(NestedCluster cluster) {
        result.complete(cluster);
    }

    void fail(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public String toString() {
        return "Provisioning[" + spec.clusterName() + ", lease " + lease + (isDone() ? ", done" : "") + "]";
    }
}
