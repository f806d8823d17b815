package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Durations;
import io.jenkins.plugins.nestedpve.pve.PveInterruptedException;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The trial's waits: poll with backoff until a deadline, a heartbeat to the listener meanwhile. */
final class Polls {
    /** How often a wait tells the user it is still waiting. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** One look; empty while the condition does not hold yet. */
    @FunctionalInterface
    interface Probe<T> {
        Optional<T> look() throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff poll;
    private final UpgradeListener listener;

    Polls(Clock clock, Sleeper sleeper, Backoff poll, UpgradeListener listener) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.poll = poll;
        this.listener = listener;
    }

    /** An interrupt seen as a {@link PveInterruptedException}, as the {@link InterruptedException} it is. */
    static InterruptedException interrupted(PveInterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedException ie = new InterruptedException(e.getMessage());
        ie.initCause(e);
        return ie;
    }

    Clock clock() {
        return clock;
    }

    Deadline after(Duration timeout) {
        return Deadline.after(clock, timeout);
    }

    /**
     * Polls {@code probe} until it answers or {@code timeout} passes.
     *
     * @throws StepFailure "{@code expectation} within {@code timeout}" when it passes
     */
    <T> T until(String node, String expectation, Duration timeout, Probe<T> probe) throws InterruptedException {
        Instant start = clock.instant();
        Deadline deadline = Deadline.after(clock, timeout);
        Instant nextBeat = start.plus(HEARTBEAT);
        for (int attempt = 0; ; attempt++) {
            Optional<T> r = probe.look();
            if (r.isPresent()) {
                return r.get();
            }
            if (deadline.expired()) {
                throw new StepFailure(expectation + " within " + Durations.human(timeout) + ", but did not"
                        + (node == null ? "" : " (" + node + ")"));
            }
            Instant now = clock.instant();
            if (!now.isBefore(nextBeat)) {
                listener.waiting(node, expectation, Duration.between(start, now));
                nextBeat = now.plus(HEARTBEAT);
            }
            sleeper.sleep(deadline.cap(poll.delay(attempt)));
        }
    }
}
