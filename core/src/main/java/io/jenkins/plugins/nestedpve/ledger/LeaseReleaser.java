package io.jenkins.plugins.nestedpve.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The lease rules of the safety nets, on the {@link LeaseStore}: when a holder ends, its leases are torn down except
 * those kept after a failure whose time is not up; a sweep tears down leases whose holder no longer runs and kept
 * leases whose time is up, lets the {@link HostSweep} remove marked guests no lease accounts for, and forgets old
 * released leases. A lease whose teardown fails stays live (in {@link LeaseState#TEARDOWN}) and is retried on the
 * next sweep. Thread-safe; one lease is never torn down twice at the same time. The adapter says who holds a lease
 * ({@link Holders}: a Jenkins build) and how guests are destroyed ({@link Teardown}).
 */
public final class LeaseReleaser {
    /** How long released leases stay in the store, for diagnosis. */
    public static final Duration RELEASED_RETENTION = Duration.ofDays(7);

    /** Who holds the leases, as the adapter knows them. */
    public interface Holders {
        /** Whether the holder of {@code lease} still runs. */
        boolean isRunning(Lease lease);

        /** The holder as the log names it, e.g. {@code build folder/job#12}. */
        String name(Lease lease);

        /** Where the guests are, as the log names it, e.g. {@code host 'lab'}. */
        String where(Lease lease);
    }

    /** Destroys the guests of one lease; throws when a guest may still exist. */
    @FunctionalInterface
    public interface Teardown {
        void destroy(Lease lease, Consumer<String> log) throws Exception;
    }

    /**
     * The last safety net: destroys guests that carry this installation's ownership marker but belong to none of
     * the {@code live} leases (or whose marker expired). Never touches a guest without the marker.
     */
    @FunctionalInterface
    public interface HostSweep {
        void reap(List<Lease> live, Consumer<String> log) throws Exception;

        /** Reaps nothing. */
        static HostSweep none() {
            return (live, log) -> {};
        }
    }

    /** What one pass did. */
    public record Outcome(int released, int failed, int kept) {
        static final Outcome NONE = new Outcome(0, 0, 0);

        Outcome plus(Outcome o) {
            return new Outcome(released + o.released, failed + o.failed, kept + o.kept);
        }
    }

    private final LeaseStore leases;
    private final Teardown teardown;
    private final Holders holders;
    private final HostSweep hostSweep;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public LeaseReleaser(LeaseStore leases, Teardown teardown, Holders holders, HostSweep hostSweep, Clock clock) {
        this.leases = Objects.requireNonNull(leases, "leases");
        this.teardown = Objects.requireNonNull(teardown, "teardown");
        this.holders = Objects.requireNonNull(holders, "holders");
        this.hostSweep = Objects.requireNonNull(hostSweep, "hostSweep");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LeaseStore leases() {
        return leases;
    }

    /**
     * The holder of the live leases tagged {@code tag = value} has ended (however, even killed): destroys their
     * guests, except those kept after a failure whose time is not up (a sweep takes them later).
     */
    public Outcome releaseTagged(String tag, String value, Consumer<String> log) {
        Outcome total = Outcome.NONE;
        Instant now = clock.instant();
        for (Lease lease : leases.liveTagged(tag, value)) {
            if (lease.isKeptAt(now)) {
                log.accept("Cluster " + lease.cluster() + " (VMIDs " + lease.vmids() + " on " + holders.where(lease)
                        + ") is kept until " + lease.keptUntil() + "; it is destroyed then.");
                total = total.plus(new Outcome(0, 0, 1));
            } else {
                total = total.plus(tearDown(lease, holders.name(lease) + " has finished", log));
            }
        }
        return total;
    }

    /**
     * Tears down leases whose holder no longer runs and kept leases whose time is up, then lets the host sweep
     * remove marked guests that no live lease accounts for, and forgets old released leases.
     */
    public Outcome sweep(Consumer<String> log) {
        Outcome total = Outcome.NONE;
        Instant now = clock.instant();
        for (Lease lease : leases.live()) {
            if (lease.isKeptAt(now)) {
                total = total.plus(new Outcome(0, 0, 1));
            } else if (lease.keptUntil() != null) {
                total = total.plus(tearDown(lease, "it was kept until " + lease.keptUntil(), log));
            } else if (!holders.isRunning(lease)) {
                total = total.plus(tearDown(lease, holders.name(lease) + " is no longer running", log));
            }
        }
        try {
            hostSweep.reap(leases.live(), log);
        } catch (Exception e) {
            log.accept("Sweeping the hosts for unaccounted guests failed: " + e.getMessage() + "; retried next time.");
        }
        leases.pruneReleased(RELEASED_RETENTION);
        return total;
    }

    /**
     * Tears down one lease now: the holder's own teardown and its recovery after a restart. Unlike the sweeps, a
     * failure is thrown to the caller; the lease then stays live in {@link LeaseState#TEARDOWN}, so the safety nets
     * retry it.
     *
     * @return false when there was nothing to do: the lease is unknown or released, or another safety net is
     *     destroying it at this moment
     * @throws Exception what the teardown threw (a guest may still exist)
     */
    public boolean releaseNow(String leaseId, String why, Consumer<String> log) throws Exception {
        Optional<Lease> lease = leases.find(leaseId).filter(Lease::isLive);
        if (lease.isEmpty()) {
            return false;
        }
        if (!inFlight.add(leaseId)) {
            log.accept("Lease " + leaseId + " is being destroyed by a safety net right now; leaving it to that.");
            return false;
        }
        try {
            destroy(lease.get(), why, log);
            return true;
        } finally {
            inFlight.remove(leaseId);
        }
    }

    private Outcome tearDown(Lease lease, String why, Consumer<String> log) {
        if (!inFlight.add(lease.id())) {
            return Outcome.NONE; // another safety net is on it right now
        }
        try {
            destroy(lease, why, log);
            return new Outcome(1, 0, 0);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.accept("Could not destroy every guest of lease " + lease.id() + " (VMIDs " + lease.vmids() + " on "
                    + holders.where(lease) + "): " + e.getMessage()
                    + ". The reaper retries; to clean up by hand, destroy those VMIDs on the host.");
            return new Outcome(0, 1, 0);
        } finally {
            inFlight.remove(lease.id());
        }
    }

    private void destroy(Lease lease, String why, Consumer<String> log) throws Exception {
        log.accept("Destroying cluster " + lease.cluster() + " (VMIDs " + lease.vmids() + " on " + holders.where(lease)
                + ", lease " + lease.id() + ") because " + why + ".");
        leases.beginTeardown(lease.id());
        teardown.destroy(lease, log);
        leases.release(lease.id());
    }
}
