package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.ledger.Lease;
import io.jenkins.plugins.nestedpve.ledger.LeaseStore;
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
 * Decides which leases to tear down and does it, for the three safety nets: a finished build
 * ({@link NestedPveRunListener}), the periodic reaper ({@link NestedPveReaperWork}) and the reconciliation at
 * startup ({@link NestedPveLeases}), on the core's {@link LeaseStore}. A lease whose teardown fails stays live and
 * is retried on the next sweep.
 * Thread-safe; one lease is never torn down twice at the same time.
 */
public final class LeaseReleaser {
    /** How long released leases stay in the file, for diagnosis. */
    public static final Duration RELEASED_RETENTION = Duration.ofDays(7);

    private final LeaseStore leases;
    private final LeaseTeardown teardown;
    private final BuildLiveness liveness;
    private final HostReaper hostReaper;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /** What one pass did. */
    public record Outcome(int released, int failed, int kept) {
        static final Outcome NONE = new Outcome(0, 0, 0);

        Outcome plus(Outcome o) {
            return new Outcome(released + o.released, failed + o.failed, kept + o.kept);
        }
    }

    public LeaseReleaser(
            LeaseStore leases,
            LeaseTeardown teardown,
            BuildLiveness liveness,
            HostReaper hostReaper,
            Clock clock) {
        this.leases = Objects.requireNonNull(leases, "leases");
        this.teardown = Objects.requireNonNull(teardown, "teardown");
        this.liveness = Objects.requireNonNull(liveness, "liveness");
        this.hostReaper = Objects.requireNonNull(hostReaper, "hostReaper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LeaseStore leases() {
        return leases;
    }

    /**
     * A build has completed (however it ended, even killed): destroys the guests of its live leases, except
     * those kept after a failure whose time is not up (the reaper takes them later).
     */
    public Outcome releaseBuild(String buildId, Consumer<String> log) {
        Outcome total = Outcome.NONE;
        Instant now = clock.instant();
        for (Lease lease : leases.liveTagged(LeaseTags.BUILD, buildId)) {
            if (lease.isKeptAt(now)) {
                log.accept("Cluster " + lease.cluster() + " (VMIDs " + lease.vmids() + " on host '" + LeaseTags.host(lease)
                        + "') is kept until " + lease.keptUntil() + "; it is destroyed then.");
                total = total.plus(new Outcome(0, 0, 1));
            } else {
                total = total.plus(tearDown(lease, "build " + buildId + " has finished", log));
            }
        }
        return total;
    }

    /**
     * Tears down leases whose build no longer runs and kept leases whose time is up, then lets the host reaper
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
            } else if (!liveness.isRunning(LeaseTags.build(lease))) {
                total = total.plus(tearDown(lease, "build " + LeaseTags.build(lease) + " is no longer running", log));
            }
        }
        try {
            hostReaper.reap(leases.live(), log);
        } catch (Exception e) {
            log.accept("Sweeping the hosts for unaccounted guests failed: " + e.getMessage() + "; retried next time.");
        }
        leases.pruneReleased(RELEASED_RETENTION);
        return total;
    }

    /**
     * Tears down one lease now: the step's own teardown and its recovery after a restart. Unlike the sweeps, a
     * failure is thrown to the caller; the lease then stays live (in teardown), so the safety nets
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
            log.accept("Could not destroy every guest of lease " + lease.id() + " (VMIDs " + lease.vmids()
                    + " on host '" + LeaseTags.host(lease) + "'): " + e.getMessage()
                    + ". The reaper retries; to clean up by hand, destroy those VMIDs on the host.");
            return new Outcome(0, 1, 0);
        } finally {
            inFlight.remove(lease.id());
        }
    }

    private void destroy(Lease lease, String why, Consumer<String> log) throws Exception {
        log.accept("Destroying cluster " + lease.cluster() + " (VMIDs " + lease.vmids() + " on host '"
                + LeaseTags.host(lease) + "', lease " + lease.id() + ") because " + why + ".");
        leases.beginTeardown(lease.id());
        teardown.destroy(lease, log);
        leases.release(lease.id());
    }

    /** Live leases on {@code hostId}, for the concurrency limit. */
    public List<Lease> liveOnHost(String hostId) {
        return leases.liveTagged(LeaseTags.HOST, hostId);
    }
}
