package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.events.Durations;
import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Heartbeat;
import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Prints one live line when a phase starts and when it ends for each node, a heartbeat while it
 * waits (at most every {@link Heartbeat#INTERVAL}), and every message, with the time since start:
 *
 * <pre>
 * [   2.9s] clone          np-k3x9q2-n1  started
 * [   4.2s] clone          np-k3x9q2-n1  ok 1.3s   (simulated 2m10s)
 * [  25.0s] np-k3x9q2-n1: waiting for the guest agent's address, 20 s of 5 min
 * </pre>
 *
 * In a simulator run each finished phase also shows its simulated duration ({@link SimulatedTime}). Thread-safe (lines from parallel nodes never interleave).
 */
final class ProgressPrinter implements ProgressListener {
    private final PrintStream out;
    private final Clock clock;
    private final Instant start;
    private final SimulatedTime simulated;

    /** A printer for a real host: no simulated time. */
    ProgressPrinter(PrintStream out, Clock clock) {
        this(out, clock, null);
    }

    /**
     * @param simulated the simulated time of a simulator run, or null; it must see each event
     *     before this printer (earlier in the composite)
     */
    ProgressPrinter(PrintStream out, Clock clock, SimulatedTime simulated) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
        this.simulated = simulated;
    }

    @Override
    public void phaseStarted(Phase phase, String node) {
        line(phase.label(), node == null ? "cluster" : node, "started");
    }

    @Override
    public void phaseWaiting(Phase phase, String node, Duration waited, Duration limit) {
        message(Level.INFO, Heartbeat.describe(phase, node, waited, limit));
    }

    @Override
    public void phaseFinished(Phase phase, String node, Duration duration, Outcome outcome) {
        String result = outcome.describe(duration, "ok");
        if (simulated != null && outcome != Outcome.SKIPPED) {
            String base = result;
            result = simulated
                    .last(phase, node)
                    .map(d -> String.format(Locale.ROOT, "%-22s (simulated %s)", base, Durations.human(d)))
                    .orElse(base);
        }
        line(phase.label(), node == null ? "cluster" : node, result);
    }

    /** An absorbed fault, as it happens: {@code [  9.1s] healed: replaced (clone, np-x-n2): ...}. */
    @Override
    public void healed(Healing healing) {
        message(Level.INFO, "healed: " + healing.describe());
    }

    @Override
    public void message(Level level, String text) {
        String prefix = level == Level.INFO ? "" : level.name() + ": ";
        synchronized (out) {
            out.printf(Locale.ROOT, "[%8s] %s%s%n", elapsed(), prefix, text);
            out.flush();
        }
    }

    private void line(String phase, String node, String result) {
        synchronized (out) {
            out.printf(Locale.ROOT, "[%8s] %-14s %-16s %s%n", elapsed(), phase, node, result);
            out.flush();
        }
    }

    private String elapsed() {
        return Durations.human(Duration.between(start, clock.instant()));
    }
}
