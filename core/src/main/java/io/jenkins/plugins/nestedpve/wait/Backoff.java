package io.jenkins.plugins.nestedpve.wait;

import java.time.Duration;
import java.util.Objects;

/**
 * A pure, capped exponential backoff: {@code delay(n) = min(cap, initial * factor^n)} for the
 * n-th retry (0-based), with optional deterministic jitter taken from a caller-supplied fraction.
 *
 * @param initial delay before the first retry
 * @param factor growth per retry, at least 1
 * @param cap largest delay ever returned
 */
public record Backoff(Duration initial, double factor, Duration cap) {
    /**
     * Polling a PVE task: 100 ms growing by a tenth up to 500 ms. A poll interval adds on average
     * half of itself to every task waited for; growing by a tenth keeps that near 5 % of the task's
     * length until the cap (docs/benchmarks.md). A status read is a file read on the node.
     */
    public static final Backoff TASK_POLL = new Backoff(Duration.ofMillis(100), 1.1, Duration.ofMillis(500));

    /** Retrying a transient API failure (5xx, reset, lock timeout): 1 s doubling up to 15 s. */
    public static final Backoff TRANSIENT = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(15));

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(cap, "cap");
        if (initial.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("backoff delays must not be negative");
        }
        if (!(factor >= 1.0)) {
            throw new IllegalArgumentException("backoff factor must be at least 1, got " + factor);
        }
    }

    /** The delay before retry number {@code attempt} (0 = first retry). */
    public Duration delay(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative");
        }
        double millis = initial.toMillis() * Math.pow(factor, attempt);
        long capMillis = cap.toMillis();
        return Duration.ofMillis(millis >= capMillis ? capMillis : (long) millis);
    }

    /**
     * The delay before retry {@code attempt}, reduced by up to half using {@code jitter} in [0, 1)
     * (pass a seeded random value; equal inputs give equal outputs).
     */
    public Duration delay(int attempt, double jitter) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        long base = delay(attempt).toMillis();
        return Duration.ofMillis(base - (long) (base * jitter / 2));
    }
}
