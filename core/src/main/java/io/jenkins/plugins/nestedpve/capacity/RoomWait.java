package io.jenkins.plugins.nestedpve.capacity;

import io.jenkins.plugins.nestedpve.events.Durations;
import io.jenkins.plugins.nestedpve.spec.DurationText;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Waits in a host's line until the cluster's room is free, at most {@code capacityTimeout}: joins the line,
 * looks every {@link Rooms.Settings#poll()} (on the injected sleeper), says where it stands whenever that
 * changes and at least every {@link Rooms.Settings#heartbeat()}, and leaves the line when it gives up, is
 * interrupted or fails. A cluster that could not fit even with every nested-pve cluster gone fails at once.
 */
public final class RoomWait {
    private final RoomQueue queue;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Rooms.Settings settings;
    private final Consumer<String> say;
    private final boolean shared;

    /** @param say receives each progress line (waiting, heartbeat, admitted) */
    public RoomWait(
            TicketBoard board,
            RoomSource reader,
            Clock clock,
            Sleeper sleeper,
            Rooms.Settings settings,
            Consumer<String> say) {
        this.queue = new RoomQueue(board, reader, clock, settings.stale());
        this.clock = clock;
        this.sleeper = sleeper;
        this.settings = settings;
        this.say = say;
        this.shared = board.shared();
    }

    /**
     * @return the admission; close it when the provisioning ended
     * @throws NoRoomException when the cluster never fits or found no room within the request's timeout
     * @throws InterruptedException when interrupted while waiting; the ticket is gone
     */
    public Admission await(RoomRequest r) throws InterruptedException {
        Instant start = clock.instant();
        Deadline deadline = Deadline.after(clock, r.timeout());
        RoomTicket ticket = queue.enqueue(r);
        try {
            String last = null;
            Instant lastSaid = start;
            while (true) {
                RoomQueue.Decision d = queue.decide(ticket, r);
                ticket = d.ticket();
                Duration waited = Duration.between(start, clock.instant());
                if (d.admitted()) {
                    say.accept(admittedLine(r, d, waited));
                    return new Admission(queue, ticket, waited);
                }
                if (r.needMiB() > d.room().ceilingMiB()) {
                    throw neverFits(r, d.room());
                }
                if (deadline.expired()) {
                    throw timedOut(r, d);
                }
                String line = waitingLine(r, d);
                Instant now = clock.instant();
                if (!line.equals(last) || !now.isBefore(lastSaid.plus(settings.heartbeat()))) {
                    say.accept(
                            line.equals(last)
                                    ? line + " (waiting " + Durations.human(waited) + " of "
                                            + DurationText.format(r.timeout()) + ")"
                                    : line);
                    last = line;
                    lastSaid = now;
                }
                sleeper.sleep(deadline.cap(settings.poll()));
            }
        } catch (InterruptedException | RuntimeException | Error e) {
            RoomTicket t = ticket;
            try {
                uninterrupted(() -> queue.leave(t));
            } catch (RuntimeException left) {
                e.addSuppressed(left); // the ticket goes stale and is dropped by the next in line
            }
            throw e;
        }
    }

    private String waitingLine(RoomRequest r, RoomQueue.Decision d) {
        String place =
                d.ahead() == 0 ? "first in line" : d.ahead() + (d.ahead() == 1 ? " cluster ahead" : " clusters ahead");
        return "waiting for room on " + r.node() + ": " + place + ", " + r.cluster() + " needs "
                + HostRoom.gib(r.needMiB()) + ", "
                + HostRoom.gib(Math.max(0, d.room().freeMiB())) + " free"
                + (shared ? "" : " (line of this installation only)");
    }

    private static String admittedLine(RoomRequest r, RoomQueue.Decision d, Duration waited) {
        return "room on " + r.node() + " for " + r.cluster()
                + (waited.isZero() ? "" : " after waiting " + Durations.human(waited)) + ": needs "
                + HostRoom.gib(r.needMiB()) + ", "
                + HostRoom.gib(d.room().freeMiB()) + " free";
    }

    private static NoRoomException timedOut(RoomRequest r, RoomQueue.Decision d) {
        long free = Math.max(0, d.room().freeMiB());
        long shortBy = Math.max(0, r.needMiB() - free);
        String place = d.ahead() == 0 ? "" : ", " + d.ahead() + " cluster(s) still ahead in line";
        return new NoRoomException(
                "no room on " + r.node() + " within capacityTimeout " + DurationText.format(r.timeout()) + ": "
                        + r.cluster() + " needs " + HostRoom.gib(r.needMiB()) + ", " + HostRoom.gib(free)
                        + " free (" + HostRoom.gib(shortBy) + " short" + place + "; "
                        + d.room().describe()
                        + ") — raise capacityTimeout, lower nodes or memoryMiB, or free memory on " + r.node()
                        + "; nothing was created",
                shortBy);
    }

    private static NoRoomException neverFits(RoomRequest r, HostRoom room) {
        long shortBy = r.needMiB() - Math.max(0, room.ceilingMiB());
        return new NoRoomException(
                r.cluster() + " can never fit on " + r.node() + ": it needs " + HostRoom.gib(r.needMiB())
                        + ", and even with every nested-pve cluster gone only "
                        + HostRoom.gib(Math.max(0, room.ceilingMiB())) + " would be free (" + HostRoom.gib(shortBy)
                        + " short; " + room.describe() + ") — lower nodes or memoryMiB, or the host's reserve;"
                        + " nothing was created",
                shortBy);
    }

    /** Runs {@code r} with the thread's interrupt flag cleared, then restores it. */
    static void uninterrupted(Runnable r) {
        boolean interrupted = Thread.interrupted();
        try {
            r.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
