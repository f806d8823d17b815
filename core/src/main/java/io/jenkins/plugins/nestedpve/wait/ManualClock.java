package io.jenkins.plugins.nestedpve.wait;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to, paired with a {@link Sleeper} that advances it instead of
 * blocking. For tests and for the simulator-backed demo; thread-safe.
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    /** A sleeper that advances this clock by the requested duration and returns at once. */
    public Sleeper sleeper() {
        return d -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted");
            }
            advance(d);
        };
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
