package io.jenkins.plugins.nestedpve.wait;

import io.jenkins.plugins.nestedpve.events.Heartbeat;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Polls a condition with a capped backoff until it yields a value or an absolute deadline passes.
 * The clock and sleeper are injected, so tests run long waits without real time passing.
 */
public final class Waiter {
    /** One poll: an empty result means "not yet"; an exception fails the wait at once. */
    @FunctionalInterface
    public interface Probe<T> {
        Optional<T> poll() throws Exception;
    }

    private final Clock clock;
    private final Sleeper sleeper;

    public Waiter(Clock clock, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Polls {@code probe} until it returns a value.
     *
     * @param expectation what should become true, in words, e.g. "SSH on 10.0.0.5:22 should accept
     *     connections"; used in the timeout message
     * @throws WaitTimeoutException when {@code timeout} passes first
     * @throws InterruptedException when interrupted while sleeping (interrupt flag restored)
     */
    public <T> T until(String expectation, Duration timeout, Backoff backoff, Probe<T> probe)
            throws InterruptedException {
        return until(expectation, Deadline.after(clock, timeout), backoff, probe);
    }

    /** As {@link #until(String, Duration, Backoff, Probe)} with an absolute deadline. */
    public <T> T until(String expectation, Deadline deadline, Backoff backoff, Probe<T> probe)
            throws InterruptedException {
        Duration started = Duration.ofMillis(clock.millis());
        int attempt = 0;
        while (true) {
            Optional<T> value;
            try {
                value = probe.poll();
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            } catch (Exception e) {
                throw new WaitFailedException(expectation + ": " + e.getMessage(), e);
            }
            if (value.isPresent()) {
                return value.get();
            }
            if (deadline.expired()) {
                Duration waited = Duration.ofMillis(clock.millis()).minus(started);
                throw new WaitTimeoutException(expectation + ", but did not within " + human(waited) + " (deadline "
                        + deadline.instant() + ")");
            }
            Heartbeat.waiting(deadline.instant());
            try {
                sleeper.sleep(deadline.cap(backoff.delay(attempt++)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            }
        }
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }
}
