package io.jenkins.plugins.nestedpve.capacity;

import java.util.List;
import java.util.function.Supplier;

/**
 * Where a host's line is kept. {@link PoolTicketBoard} keeps it on the host (shared by every installation);
 * {@link LocalTicketBoard} inside one engine, for a token that may not create pools.
 */
public interface TicketBoard {
    /** Every ticket of the host's line, in no particular order. */
    List<RoomTicket> tickets();

    /** Creates or replaces the ticket of {@code t.lease()}. */
    void put(RoomTicket t);

    /** Removes the ticket of {@code lease}; nothing when it is gone already. */
    void remove(String lease);

    /**
     * Runs {@code body} while no other caller of this board (on any controller) runs one: enqueueing and
     * admitting decide on what all tickets say, so two of them must never interleave.
     *
     * @param holder names the caller in the lock (a lease id)
     * @throws InterruptedException when interrupted while waiting for the lock
     */
    <T> T exclusive(String holder, Supplier<T> body) throws InterruptedException;

    /** Whether the line is shared with every installation on the host. */
    boolean shared();
}
