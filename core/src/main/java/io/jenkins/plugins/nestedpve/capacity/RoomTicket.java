package io.jenkins.plugins.nestedpve.capacity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One cluster's place in a host's line: waiting, or admitted and holding its room until its guests exist. Kept
 * on the host as a resource pool whose comment is {@link #comment()} (no secrets: ids, sizes, times).
 *
 * @param seq the place in line; lower goes first (FIFO)
 * @param state waiting or admitted
 * @param installation the installation that asked
 * @param lease the provisioning's lease (its guests' markers carry it)
 * @param cluster the cluster's name, for messages
 * @param needMiB the memory the cluster's guests take
 * @param beat the last sign of life of the waiting side
 * @param until an admitted ticket holds its room until then at most (a crashed holder's room comes back)
 */
public record RoomTicket(
        int seq,
        State state,
        UUID installation,
        String lease,
        String cluster,
        long needMiB,
        Instant beat,
        Instant until) {
    /** Prefix of every ticket's pool id. */
    public static final String PREFIX = "nestedpve-room-";

    private static final String MAGIC = "nestedpve-room v1";

    /** Where a ticket stands. */
    public enum State {
        WAITING,
        ADMITTED
    }

    /** The ticket's pool id: {@code nestedpve-room-<lease>}. */
    public String poolid() {
        return PREFIX + lease;
    }

    public RoomTicket withBeat(Instant at) {
        return new RoomTicket(seq, state, installation, lease, cluster, needMiB, at, until);
    }

    public RoomTicket admitted(Instant at, Instant holdUntil) {
        return new RoomTicket(seq, State.ADMITTED, installation, lease, cluster, needMiB, at, holdUntil);
    }

    /** Whether a crashed or vanished holder left it: no beat for {@code staleAfter}, or past its hold. */
    public boolean stale(Instant now, java.time.Duration staleAfter) {
        return state == State.WAITING ? beat.plus(staleAfter).isBefore(now) : until.isBefore(now);
    }

    /** The pool comment: {@code nestedpve-room v1 seq=.. state=.. ...} (no {@code :}, user.cfg's separator). */
    public String comment() {
        return MAGIC + " seq=" + seq + " state=" + state.name().toLowerCase(java.util.Locale.ROOT) + " inst="
                + installation + " lease=" + lease + " cluster=" + cluster + " need=" + needMiB + " beat="
                + beat.toEpochMilli() + " until=" + until.toEpochMilli();
    }

    /** The ticket a pool comment holds; empty for any other pool or a garbled comment. */
    public static Optional<RoomTicket> parse(String comment) {
        if (comment == null || !comment.startsWith(MAGIC + " ")) {
            return Optional.empty();
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String part : comment.substring(MAGIC.length() + 1).split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                f.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        try {
            return Optional.of(new RoomTicket(
                    Integer.parseInt(f.get("seq")),
                    State.valueOf(f.get("state").toUpperCase(java.util.Locale.ROOT)),
                    UUID.fromString(f.get("inst")),
                    f.get("lease"),
                    f.getOrDefault("cluster", "?"),
                    Long.parseLong(f.get("need")),
                    Instant.ofEpochMilli(Long.parseLong(f.get("beat"))),
                    Instant.ofEpochMilli(Long.parseLong(f.get("until")))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
