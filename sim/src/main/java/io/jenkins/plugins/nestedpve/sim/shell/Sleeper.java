package io.jenkins.plugins.nestedpve.sim.shell;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How simulated programs wait ({@code sleep}). The machine model injects one that scales simulated
 * time; tests inject one that records and returns at once.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits for {@code duration} of simulated time.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the command is killed)
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Really waits, {@code factor} times the requested duration (1.0 = real time, 0.01 = a hundred
     * times faster). The only place the simulator's shell blocks on the wall clock.
     */
    static Sleeper scaled(double factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("sleep scale factor must be >= 0, was " + factor);
        }
        return duration -> {
            long nanos = (long) (duration.toNanos() * factor);
            if (nanos > 0) {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } else if (Thread.interrupted()) {
                throw new InterruptedException("sleep interrupted");
            }
        };
    }
}
