package io.jenkins.plugins.nestedpve.capacity;

import java.time.Duration;

/**
 * A cluster's room on the host: held from its admission until {@link #close()} (when the provisioning ended:
 * its guests then speak for themselves through their markers, or are gone).
 */
public final class Admission implements AutoCloseable {
    private final RoomQueue queue;
    private final RoomTicket ticket;
    private final Duration waited;
    private boolean closed;

    Admission(RoomQueue queue, RoomTicket ticket, Duration waited) {
        this.queue = queue;
        this.ticket = ticket;
        this.waited = waited;
    }

    public RoomTicket ticket() {
        return ticket;
    }

    /** How long the cluster waited in line. */
    public Duration waited() {
        return waited;
    }

    /** Gives the room back; an interrupt pending on the thread does not stop it and stays pending. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RoomWait.uninterrupted(() -> queue.leave(ticket));
    }

    @Override
    public String toString() {
        return "Admission[" + ticket.poolid() + "]";
    }
}
