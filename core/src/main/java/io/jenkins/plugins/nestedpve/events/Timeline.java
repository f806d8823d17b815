package io.jenkins.plugins.nestedpve.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A listener that records every event with timestamps from an injected clock, and renders them as
 * a per-phase, per-node table (the CLI demo output and the Jenkins build summary). Thread-safe.
 */
public final class Timeline implements ProgressListener {
    /**
     * One phase run.
     *
     * @param node the node, or null for a cluster-wide phase
     * @param duration null while the phase is still running
     * @param outcome null while the phase is still running
     */
    public record PhaseRecord(Phase phase, String node, Instant started, Duration duration, Outcome outcome) {
        /** When the phase ended, or {@code now} while it is still running. */
        public Instant endedOr(Instant now) {
            return duration == null ? now : started.plus(duration);
        }
    }

    /** One message as it was reported. */
    public record MessageRecord(Instant at, Level level, String text) {}

    private final Clock clock;
    private final List<PhaseRecord> phases = new ArrayList<>();
    private final List<MessageRecord> messages = new ArrayList<>();
    private final List<Healing> healings = new ArrayList<>();

    public Timeline(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void phaseStarted(Phase phase, String node) {
        phases.add(new PhaseRecord(phase, node, clock.instant(), null, null));
    }

    @Override
    public synchronized void phaseFinished(Phase phase, String node, Duration duration, Outcome outcome) {
        for (int i = phases.size() - 1; i >= 0; i--) {
            PhaseRecord r = phases.get(i);
            if (r.phase() == phase && Objects.equals(r.node(), node) && r.outcome() == null) {
                phases.set(i, new PhaseRecord(phase, node, r.started(), duration, outcome));
                return;
            }
        }
        // Finished without a start (e.g. a phase reported as skipped): it ended now.
        phases.add(new PhaseRecord(phase, node, clock.instant().minus(duration), duration, outcome));
    }

    @Override
    public synchronized void message(Level level, String text) {
        messages.add(new MessageRecord(clock.instant(), level, text));
    }

    @Override
    public synchronized void healed(Healing healing) {
        healings.add(healing);
    }

    /** Every absorbed fault so far, in order. */
    public synchronized List<Healing> healings() {
        return List.copyOf(healings);
    }

    /**
     * What was absorbed, in one phrase, e.g. {@code "3 transient faults absorbed, 1 node replaced"};
     * {@code "no faults"} when nothing was.
     */
    public synchronized String healingSummary() {
        return HealingSummary.of(healings);
    }

    /** Every phase run so far, in the order they started. */
    public synchronized List<PhaseRecord> phases() {
        return List.copyOf(phases);
    }

    /** Every message so far, in order. */
    public synchronized List<MessageRecord> messages() {
        return List.copyOf(messages);
    }

    /** Durations of the finished, not skipped phases (repeated runs of one phase/node are summed). */
    public synchronized PhaseTimings timings() {
        PhaseTimings timings = PhaseTimings.empty();
        for (PhaseRecord r : phases) {
            if (r.outcome() != null && r.outcome() != Outcome.SKIPPED) {
                timings = timings.plus(r.phase(), r.node(), r.duration());
            }
        }
        return timings;
    }

    /**
     * The table: one row per phase in {@link Phase} order, one column per node (first the
     * cluster-wide column when there is one), a {@code span} column from the phase's first start to
     * its last end (parallel nodes overlap), a {@code total} line and a line saying what {@code span}
     * is. Failed cells read {@code
     * FAILED <duration>}, skipped ones {@code skipped}, running ones {@code running}.
     */
    public String render() {
        List<PhaseRecord> snapshot = phases();
        return new TimelineTable(snapshot, clock.instant()).render();
    }

    @Override
    public String toString() {
        return render();
    }
}
