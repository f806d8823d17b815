package io.jenkins.plugins.nestedpve.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One phase for one node (or cluster-wide), reported with try-with-resources:
 *
 * <pre>{@code
 * try (PhaseRun run = PhaseRun.start(listener, clock, Phase.CLONE, "np-x1y2z3-n1")) {
 *     clone(...);
 *     run.succeeded();
 * }
 * }</pre>
 *
 * Leaving the block without {@link #succeeded()} or {@link #skipped()} (an exception) reports
 * {@link Outcome#FAILED}. The duration is measured on the injected clock. Closing twice is harmless.
 * While it runs, waits on the same thread report {@link ProgressListener#phaseWaiting} through a
 * {@link Heartbeat}.
 */
public final class PhaseRun implements AutoCloseable {
    private final ProgressListener listener;
    private final Clock clock;
    private final Phase phase;
    private final String node;
    private final Instant started;
    private final Heartbeat heartbeat;
    private Outcome outcome;
    private boolean reported;

    private PhaseRun(ProgressListener listener, Clock clock, Phase phase, String node) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.node = node;
        this.started = clock.instant();
        this.heartbeat = Heartbeat.open(listener, clock, phase, node);
    }

    /** Reports {@code phaseStarted(phase, node)} and starts the stopwatch; {@code node} may be null. */
    public static PhaseRun start(ProgressListener listener, Clock clock, Phase phase, String node) {
        PhaseRun run = new PhaseRun(listener, clock, phase, node);
        listener.phaseStarted(phase, node);
        return run;
    }

    /** Marks the phase as done; reported as {@link Outcome#SUCCEEDED} on close. */
    public synchronized void succeeded() {
        outcome = Outcome.SUCCEEDED;
    }

    /** Marks the phase as not needed; reported as {@link Outcome#SKIPPED} on close. */
    public synchronized void skipped() {
        outcome = Outcome.SKIPPED;
    }

    /** Marks the phase as stopped from outside (see {@link Outcome#CANCELLED}); reported on close. */
    public synchronized void cancelled() {
        outcome = Outcome.CANCELLED;
    }

    /** Time since start on the injected clock. */
    public Duration elapsed() {
        return Duration.between(started, clock.instant());
    }

    @Override
    public void close() {
        Outcome result;
        synchronized (this) {
            if (reported) {
                return;
            }
            reported = true;
            heartbeat.close();
            result = outcome == null ? Outcome.FAILED : outcome;
        }
        listener.phaseFinished(phase, node, elapsed(), result);
    }
}
