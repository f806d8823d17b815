package io.jenkins.plugins.nestedpve.capacity;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An engine's settings of the wait for room, and its in-engine lines (one per host) for tokens that may not
 * keep the line in the host's pools.
 */
public final class Rooms {
    /** Look for room every 10 s, print a heartbeat every minute, a waiting ticket silent for 2 min is gone. */
    public static final Settings DEFAULTS =
            new Settings(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(2));

    /**
     * @param poll pause between two looks for room (and between two tries for the host's room lock)
     * @param heartbeat a waiting line is printed at least this often, even when nothing changed
     * @param stale a waiting ticket whose holder gave no sign of life for this long is dropped from the line
     */
    public record Settings(Duration poll, Duration heartbeat, Duration stale) {
        public Settings {
            Objects.requireNonNull(poll, "poll");
            Objects.requireNonNull(heartbeat, "heartbeat");
            Objects.requireNonNull(stale, "stale");
            if (poll.isNegative() || poll.isZero() || stale.compareTo(poll.multipliedBy(3)) < 0) {
                throw new IllegalArgumentException("poll must be positive and stale at least three polls");
            }
        }
    }

    private final Settings settings;
    private final Map<String, LocalTicketBoard> local = new ConcurrentHashMap<>();

    public Rooms(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public static Rooms defaults() {
        return new Rooms(DEFAULTS);
    }

    public Settings settings() {
        return settings;
    }

    /** This engine's own line on host {@code hostId}. */
    public LocalTicketBoard local(String hostId) {
        return local.computeIfAbsent(hostId, k -> new LocalTicketBoard());
    }

    @Override
    public String toString() {
        return "Rooms[" + settings + "]";
    }
}
