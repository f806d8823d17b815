package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The teardown half of {@code nestedPveCluster}: destroys a lease's guests through the {@link LeaseReleaser} (so
 * the safety nets never run at the same time on the same lease), or keeps them with an expiry after a failure.
 * Never throws: it returns what went wrong, for the caller to add to the step's failure. A lease whose guests
 * could not all be destroyed stays live, and the safety nets retry it.
 */
final class ClusterTeardown {
    private final ClusterServices services;
    private final Consumer<String> log;

    ClusterTeardown(ClusterServices services, Consumer<String> log) {
        this.services = Objects.requireNonNull(services, "services");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** A teardown that reports to a build log, each line with the plugin's prefix. */
    static ClusterTeardown toBuildLog(ClusterServices services, PrintStream log) {
        return new ClusterTeardown(
                services,
                line -> log.println(line.startsWith(BuildLogListener.PREFIX) ? line : BuildLogListener.PREFIX + line));
    }

    /** Destroys every guest of the lease; the errors, none when all are gone. */
    List<Exception> destroy(String leaseId, String why) {
        services.secrets().forget(leaseId);
        List<Exception> errors = new ArrayList<>();
        try {
            services.releaser().releaseNow(leaseId, why, log);
            services.ledger().forget(leaseId);
        } catch (Exception e) {
            restoreInterrupt(e);
            log.accept(BuildLogListener.PREFIX + "Teardown of lease " + leaseId + " is incomplete: " + e.getMessage()
                    + " The reaper retries.");
            errors.add(e);
        }
        return errors;
    }

    /**
     * After a failure: keeps the guests for {@code keep} when it is not zero (marker and lease expire together),
     * otherwise destroys them. A provisioning failure whose guests the core already kept is only recorded.
     */
    List<Exception> afterFailure(String leaseId, Duration keep, Throwable failure, String why) {
        Optional<Instant> kept = keptByCore(failure);
        if (kept.isPresent()) {
            services.secrets().forget(leaseId);
            services.registry().keepUntil(leaseId, kept.get());
            log.accept(BuildLogListener.PREFIX + "The guests are kept for debugging until " + kept.get()
                    + "; the reaper destroys them then.");
            return List.of();
        }
        return keep.isZero() ? destroy(leaseId, why) : keep(leaseId, keep);
    }

    /** Keeps the guests until {@code keep} from now: the lease first, then the guests' markers. */
    List<Exception> keep(String leaseId, Duration keep) {
        services.secrets().forget(leaseId);
        Instant until = services.clock().instant().plus(keep);
        List<Exception> errors = new ArrayList<>();
        try {
            Lease lease = services.registry().keepUntil(leaseId, until);
            log.accept(BuildLogListener.PREFIX + "Keeping cluster " + lease.clusterName() + " (VMIDs " + lease.vmids()
                    + ") for debugging until " + until + " (keepOnFailure); the reaper destroys it then.");
            services.hostOps().keep(lease, until, log);
        } catch (Exception e) {
            restoreInterrupt(e);
            log.accept(BuildLogListener.PREFIX + "Marking the kept guests failed: " + e.getMessage()
                    + " They are still destroyed when the lease expires.");
            errors.add(e);
        }
        return errors;
    }

    /** When the core kept the guests of a failed provisioning (keepOnFailure), until when. */
    static Optional<Instant> keptByCore(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProvisioningException p) {
                return p.keptUntil();
            }
        }
        return Optional.empty();
    }

    private static void restoreInterrupt(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }
}
