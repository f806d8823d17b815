package io.jenkins.plugins.nestedpve.capacity;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.pve.PoolCalls;
import io.jenkins.plugins.nestedpve.pve.PveApiException;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A host's line kept in the host's resource pools, shared by every installation and controller that uses the
 * host: one pool {@code nestedpve-room-<lease>} per ticket (its comment is the ticket), and the pool
 * {@value #LOCK} as the mutex of enqueueing and admitting. A pool create is atomic across the PVE cluster
 * (pve-manager:PVE/API2/Pool.pm {@code create_pool} runs under {@code lock_user_config}, a pmxcfs
 * {@code cfs_lock_file} of {@code user.cfg}, and dies with {@code pool '<id>' already exists}), so exactly one
 * caller holds {@value #LOCK} at a time. A holder that crashed leaves the lock behind: after {@link
 * #LOCK_STALE} (as pmxcfs breaks its own {@code cfs_lock} directories after 120 s) the next caller deletes it.
 * The token needs {@code Pool.Allocate} and {@code Pool.Audit} on {@code /pool} (role {@code PVEPoolAdmin}).
 */
public final class PoolTicketBoard implements TicketBoard {
    /** The lock pool's id. */
    public static final String LOCK = "nestedpve-room-lock";
    /** A lock older than this was left by a crashed holder (the critical section takes a few API calls). */
    public static final Duration LOCK_STALE = Duration.ofSeconds(120);
    /** How long to try for the lock before giving up. */
    public static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private static final String LOCK_MAGIC = "nestedpve-room-lock v1";

    private final PveClient host;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration retry;

    /** @param retry pause between two tries for a held lock */
    public PoolTicketBoard(PveClient host, Clock clock, Sleeper sleeper, Duration retry) {
        this.host = host;
        this.clock = clock;
        this.sleeper = sleeper;
        this.retry = retry;
    }

    /** Whether the token may keep the line in pools: Pool.Allocate and Pool.Audit on the line's pools. */
    public static boolean allowed(PveClient host) {
        var perms = host.permissions();
        return perms.has("/pool/" + LOCK, "Pool.Allocate") && perms.has("/pool/" + LOCK, "Pool.Audit");
    }

    @Override
    public List<RoomTicket> tickets() {
        return pools().list().stream()
                .filter(p ->
                        p.poolid().startsWith(RoomTicket.PREFIX) && !p.poolid().equals(LOCK))
                .map(p -> RoomTicket.parse(p.comment()))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public void put(RoomTicket t) {
        for (int attempt = 0; ; attempt++) {
            if (pools().create(t.poolid(), t.comment())) {
                return;
            }
            try {
                pools().comment(t.poolid(), t.comment());
                return;
            } catch (PveApiException e) {
                // a create whose answer was lost and that had not happened: the pool is not there; create again
                if (attempt >= 2 || !e.pveMessage().contains("does not exist")) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void remove(String lease) {
        pools().delete(RoomTicket.PREFIX + lease);
    }

    @Override
    public <T> T exclusive(String holder, Supplier<T> body) throws InterruptedException {
        Instant giveUp = clock.instant().plus(LOCK_WAIT);
        String mine =
                LOCK_MAGIC + " holder=" + holder + " at=" + clock.instant().toEpochMilli();
        while (!pools().create(LOCK, mine)) {
            breakIfStale();
            if (clock.instant().isAfter(giveUp)) {
                throw new NestedPveException("the host's room lock (resource pool " + LOCK + ") stayed taken for "
                        + LOCK_WAIT.toMinutes() + " minutes — if no nested-pve run is active, delete the pool "
                        + LOCK + " (Datacenter → Permissions → Pools)");
            }
            sleeper.sleep(retry);
            mine = LOCK_MAGIC + " holder=" + holder + " at=" + clock.instant().toEpochMilli();
        }
        try {
            return body.get();
        } finally {
            pools().delete(LOCK);
        }
    }

    private void breakIfStale() {
        Optional<PoolCalls.Pool> lock =
                pools().list().stream().filter(p -> p.poolid().equals(LOCK)).findFirst();
        Optional<Instant> at = lock.flatMap(p -> takenAt(p.comment()));
        if (at.isPresent() && at.get().plus(LOCK_STALE).isBefore(clock.instant())) {
            pools().delete(LOCK);
        }
    }

    private static Optional<Instant> takenAt(String comment) {
        int i = comment.indexOf(" at=");
        if (!comment.startsWith(LOCK_MAGIC) || i < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Instant.ofEpochMilli(Long.parseLong(comment.substring(i + 4).strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    private PoolCalls pools() {
        return host.pools();
    }
}
