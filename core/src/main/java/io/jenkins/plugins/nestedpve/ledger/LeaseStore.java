package io.jenkins.plugins.nestedpve.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one store of the leases of this installation and the VMs they own, for the CLI and the Jenkins plugin: every
 * change is a new snapshot appended to the {@link LeaseLedger} (durable when the call returns), the VMs are the
 * ledger's entries the engine writes. The ground truth for teardown after a failure, a kill, a restart or a crash.
 * Thread-safe; one lease is changed by one holder at a time.
 */
public final class LeaseStore {
    private final LeaseLedger ledger;
    private final Clock clock;

    public LeaseStore(LeaseLedger ledger, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The ledger the engine records the VMs in. */
    public LeaseLedger ledger() {
        return ledger;
    }

    /**
     * Opens the lease {@code id} in state {@link LeaseState#PROVISIONING}, before its first guest is created.
     *
     * @param tags the adapter's facts about it (never a secret)
     * @throws IllegalArgumentException when a lease with that id exists
     */
    public synchronized Lease open(String id, String cluster, Map<String, String> tags) {
        if (find(id).isPresent()) {
            throw new IllegalArgumentException("lease " + id + " is already in " + ledger);
        }
        Lease l = Lease.opened(id, cluster, tags, clock.instant());
        ledger.record(l);
        return l;
    }

    /** The cluster is up. */
    public Lease activate(String id) {
        return update(id, l -> l.withState(LeaseState.ACTIVE, clock.instant()));
    }

    /** Keep-on-failure: the guests stay until {@code until}, then the safety nets destroy them. */
    public Lease keepUntil(String id, Instant until) {
        return update(id, l -> l.withKeptUntil(until, clock.instant()));
    }

    /** Teardown has started (a failed teardown stays in this state and is retried). */
    public Lease beginTeardown(String id) {
        return update(id, l -> l.withState(LeaseState.TEARDOWN, clock.instant()));
    }

    /** The holder lets go (see {@link LeaseState#RELEASED}). */
    public Lease release(String id) {
        return update(id, l -> l.withState(LeaseState.RELEASED, clock.instant()));
    }

    /**
     * Stores {@code lease} as it is, unless the store has a snapshot of it that is as new: for converting a lease
     * file of an older format (converting twice changes nothing).
     */
    public synchronized void restore(Lease lease) {
        Optional<Lease> known = find(lease.id());
        if (known.isEmpty() || known.get().updated().isBefore(lease.updated())) {
            ledger.record(lease);
        }
    }

    public Optional<Lease> find(String id) {
        return all().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Every lease, oldest first. */
    public List<Lease> all() {
        return ledger.leases();
    }

    /** The leases whose guests may still exist. */
    public List<Lease> live() {
        return all().stream().filter(Lease::isLive).toList();
    }

    /** The live leases whose tag {@code name} is {@code value}. */
    public List<Lease> liveTagged(String name, String value) {
        return live().stream().filter(l -> value.equals(l.tag(name))).toList();
    }

    /**
     * Forgets released leases older than {@code retention} and destroyed VMs (compacting the store); returns how
     * many leases it forgot.
     */
    public synchronized int pruneReleased(Duration retention) {
        Instant cutoff = clock.instant().minus(retention);
        long old = all().stream()
                .filter(l -> !l.isLive() && l.updated().isBefore(cutoff))
                .count();
        if (old > 0) {
            ledger.compact(l -> l.isLive() || !l.updated().isBefore(cutoff));
        }
        return (int) old;
    }

    private synchronized Lease update(String id, UnaryOperator<Lease> change) {
        Lease current = find(id).orElseThrow(() -> new NoSuchElementException("no lease " + id + " in " + ledger));
        Lease next = change.apply(current);
        ledger.record(next);
        return next;
    }

    @Override
    public String toString() {
        return "LeaseStore[" + ledger + "]";
    }
}
