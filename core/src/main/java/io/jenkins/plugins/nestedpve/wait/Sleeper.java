package io.jenkins.plugins.nestedpve.wait;

import java.time.Duration;

/**
 * Waits for a while. Production code never calls {@code Thread.sleep} directly; it is handed a
 * {@code Sleeper} so that tests can run minutes of waiting in milliseconds.
 */
@FunctionalInterface
public interface Sleeper {
    /** The real sleeper: blocks the calling thread and honours interrupts. */
    Sleeper SYSTEM = duration -> {
        long millis = duration.toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    };

    /**
     * Sleeps for {@code duration}.
     *
     * @throws InterruptedException when the thread is interrupted; the interrupt flag is cleared as
     *     {@link Thread#sleep} does
     */
    void sleep(Duration duration) throws InterruptedException;
}
