package io.jenkins.plugins.nestedpve.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Tells the listener that a phase is still waiting, at most once per {@link #INTERVAL} of the
 * injected clock, so that a long wait (a guest booting for minutes) is not silent.
 *
 * <p>A {@link PhaseRun} opens one for the thread that runs the phase; every wait on that thread
 * (the engine's polling, a task's polling, SSH retries) calls {@link #waiting(Instant)} before it
 * sleeps. The beat is bound to the thread, like the phase: the guests of a cluster are built on
 * their own threads, each in its own phase.
 */
public final class Heartbeat {
    /** Time between two beats of one phase: often enough to show life, rarely enough not to flood. */
    public static final Duration INTERVAL = Duration.ofSeconds(20);

    private static final ThreadLocal<Heartbeat> CURRENT = new ThreadLocal<>();

    private final ProgressListener listener;
    private final Clock clock;
    private final Phase phase;
    private final String node;
    private final Instant started;
    private final Heartbeat outer;
    private Instant last;

    private Heartbeat(ProgressListener listener, Clock clock, Phase phase, String node, Heartbeat outer) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.node = node;
        this.started = clock.instant();
        this.last = started;
        this.outer = outer;
    }

    /** Makes a heartbeat for {@code phase} of {@code node} the current one of this thread. */
    static Heartbeat open(ProgressListener listener, Clock clock, Phase phase, String node) {
        Heartbeat h = new Heartbeat(listener, clock, phase, node, CURRENT.get());
        CURRENT.set(h);
        return h;
    }

    /** Ends this heartbeat; the one it replaced (if any) is current again. */
    void close() {
        if (CURRENT.get() != this) {
            return; // closed on another thread, or already closed
        }
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    /** The phase this thread runs now (the innermost), if any: for reports made deep inside a phase. */
    public static java.util.Optional<Phase> currentPhase() {
        Heartbeat h = CURRENT.get();
        return h == null ? java.util.Optional.empty() : java.util.Optional.of(h.phase);
    }

    /**
     * Called by a wait before it sleeps: reports {@link ProgressListener#phaseWaiting} for the
     * thread's current phase when {@link #INTERVAL} has passed since its start or its last beat. Does
     * nothing on a thread that runs no phase.
     *
     * @param deadline when the wait gives up; the beat reports it as the limit since the phase began
     */
    public static void waiting(Instant deadline) {
        Heartbeat h = CURRENT.get();
        if (h != null) {
            h.beat(deadline);
        }
    }

    private void beat(Instant deadline) {
        Instant now = clock.instant();
        if (Duration.between(last, now).compareTo(INTERVAL) < 0) {
            return;
        }
        last = now;
        listener.phaseWaiting(phase, node, Duration.between(started, now), Duration.between(started, deadline));
    }

    /**
     * The line users see, e.g. {@code np-x1y2z3-n2: waiting for the guest agent's address, 45 s of 5 min}
     * (cluster-wide phases are named by their label).
     */
    public static String describe(Phase phase, String node, Duration waited, Duration limit) {
        String who = node == null ? phase.label() : node;
        return who + ": waiting for " + phase.awaited() + ", " + seconds(waited) + " of " + seconds(limit);
    }

    private static String seconds(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s % 60 == 0) {
            return s / 60 + " min";
        }
        return s / 60 + " min " + s % 60 + " s";
    }
}
