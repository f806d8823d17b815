package io.jenkins.plugins.nestedpve.capacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A host's FIFO line: joining it and asking whether it is one's turn, each under the board's lock so that no
 * two callers (threads, processes, controllers) decide on the same room. A waiting ticket is admitted only when
 * its need and the needs of every ticket waiting ahead of it fit together into the room left after every
 * admitted ticket, so nobody is overtaken; a ticket whose holder stopped beating (or whose hold ran out) is
 * dropped first.
 */
public final class RoomQueue {
    /**
     * @param ticket the ticket as it stands now
     * @param admitted whether the room is this ticket's now
     * @param ahead waiting tickets before it
     * @param room the room as read under the lock
     */
    public record Decision(RoomTicket ticket, boolean admitted, int ahead, HostRoom room) {}

    private final TicketBoard board;
    private final RoomSource reader;
    private final Clock clock;
    private final Duration stale;

    public RoomQueue(TicketBoard board, RoomSource reader, Clock clock, Duration stale) {
        this.board = board;
        this.reader = reader;
        this.clock = clock;
        this.stale = stale;
    }

    /** Joins the end of the line. */
    public RoomTicket enqueue(RoomRequest r) throws InterruptedException {
        return board.exclusive(r.lease(), () -> {
            Instant now = clock.instant();
            int seq = live(now).stream().mapToInt(RoomTicket::seq).max().orElse(0) + 1;
            RoomTicket t = new RoomTicket(
                    seq,
                    RoomTicket.State.WAITING,
                    r.installation(),
                    r.lease(),
                    r.cluster(),
                    r.needMiB(),
                    now,
                    now.plus(r.hold()));
            board.put(t);
            return t;
        });
    }

    /** Admits {@code mine} when it is first and fits; otherwise refreshes its beat and tells where it stands. */
    public Decision decide(RoomTicket mine, RoomRequest r) throws InterruptedException {
        return board.exclusive(r.lease(), () -> {
            Instant now = clock.instant();
            List<RoomTicket> all = new ArrayList<>(live(now));
            all.removeIf(t -> t.lease().equals(mine.lease())); // our own view of it wins (seq kept)
            List<RoomTicket> admitted = all.stream()
                    .filter(t -> t.state() == RoomTicket.State.ADMITTED)
                    .toList();
            HostRoom room = reader.read(r.node(), r.reserveMiB(), admitted);
            List<RoomTicket> before = all.stream()
                    .filter(t -> t.state() == RoomTicket.State.WAITING && t.seq() < mine.seq())
                    .toList();
            int ahead = before.size();
            long aheadNeed = before.stream().mapToLong(RoomTicket::needMiB).sum();
            // nobody is overtaken: the room keeps enough for everyone ahead, who are admitted on their next look
            if (room.fits(aheadNeed + mine.needMiB())) {
                RoomTicket a = mine.admitted(now, now.plus(r.hold()));
                board.put(a);
                return new Decision(a, true, ahead, room);
            }
            RoomTicket beat = mine.withBeat(now);
            board.put(beat);
            return new Decision(beat, false, ahead, room);
        });
    }

    /** Leaves the line (or gives the room back). */
    public void leave(RoomTicket t) {
        board.remove(t.lease());
    }

    /** The line without its stale tickets, which are removed from the board. */
    private List<RoomTicket> live(Instant now) {
        List<RoomTicket> out = new ArrayList<>();
        for (RoomTicket t : board.tickets()) {
            if (t.stale(now, stale)) {
                board.remove(t.lease());
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
