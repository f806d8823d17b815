package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time that runs {@code factor} times faster than real time, with a sleeper that sleeps
 * the matching real fraction: minutes of timeouts and backoffs pass in milliseconds, in step with a
 * simulator whose latencies are scaled by {@code 1/factor}.
 */
final class ScaledClock extends Clock {
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final double factor;

    ScaledClock(double factor) {
        this.factor = factor;
    }

    @Override
    public Instant instant() {
        long real = System.nanoTime() - startNanos;
        return start.plusNanos(Math.round(real * factor));
    }

    /** Sleeps {@code d / factor} of real time. */
    Sleeper sleeper() {
        return d -> Sleeper.SYSTEM.sleep(Duration.ofNanos(Math.round(d.toNanos() / factor)));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
