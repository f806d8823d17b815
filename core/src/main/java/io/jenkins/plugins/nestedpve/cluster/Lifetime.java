package io.jenkins.plugins.nestedpve.cluster;

import java.time.Duration;

/**
 * How long a kept cluster may live before the reaper removes it: positive and at most {@link #MAX},
 * so that a typo ({@code 99999999d}) cannot make a cluster that is never reaped.
 */
public final class Lifetime {
    /** The longest lifetime: 30 days. */
    public static final Duration MAX = Duration.ofDays(30);

    private Lifetime() {}

    /**
     * Returns {@code d} when it is a valid lifetime.
     *
     * @throws IllegalArgumentException saying what to use instead
     */
    public static Duration check(Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("must be positive, e.g. 4h");
        }
        if (d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("must be at most " + MAX.toDays() + "d, got " + d.toDays()
                    + "d — a cluster that should outlive that is not ephemeral; keep it up with a new 'up' or"
                    + " manage it by hand");
        }
        return d;
    }
}
