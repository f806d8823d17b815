package io.jenkins.plugins.nestedpve.wait;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An absolute point in time on an injected clock, after which a wait gives up. */
public final class Deadline {
    private final Clock clock;
    private final Instant at;

    private Deadline(Clock clock, Instant at) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.at = Objects.requireNonNull(at, "at");
    }

    /** A deadline {@code timeout} from now on {@code clock}. */
    public static Deadline after(Clock clock, Duration timeout) {
        return new Deadline(clock, clock.instant().plus(timeout));
    }

    /** A deadline at the absolute instant {@code at}. */
    public static Deadline at(Clock clock, Instant at) {
        return new Deadline(clock, at);
    }

    public Instant instant() {
        return at;
    }

    public Clock clock() {
        return clock;
    }

    public boolean expired() {
        return !clock.instant().isBefore(at);
    }

    /** Time left, never negative. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The smaller of {@code wanted} and the time left. */
    public Duration cap(Duration wanted) {
        Duration left = remaining();
        return wanted.compareTo(left) < 0 ? wanted : left;
    }

    @Override
    public String toString() {
        return "Deadline[" + at + "]";
    }
}
