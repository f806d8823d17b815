package io.jenkins.plugins.nestedpve.sim.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a while. The server never blocks on its own: the 3 s penalty PVE puts on every 401 goes
 * through this, so the simulator can scale it and tests can record it without waiting.
 */
@FunctionalInterface
public interface Sleeper {
    /** Blocks the calling thread for the real duration; honours interrupts. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    };

    /**
     * Sleeps for {@code duration} (zero or negative: returns at once).
     *
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
