package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A second timeline of a simulated run in simulated time, read from the simulator's clock of
 * injected latency ({@code Simulator#simulatedClock()}): the latencies the simulator injected count
 * at their realistic length, the local work (TLS, SSH, the JVM) at its real length. That is about
 * what the run would take on real hardware. Thread-safe.
 */
final class SimulatedTime implements ProgressListener {
    private final Clock simulated;
    private final Timeline timeline;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, Duration> finished = new ConcurrentHashMap<>();

    SimulatedTime(Clock simulated) {
        this.simulated = simulated;
        this.timeline = new Timeline(simulated);
    }

    @Override
    public void phaseStarted(Phase phase, String node) {
        started.put(key(phase, node), simulated.instant());
        timeline.phaseStarted(phase, node);
    }

    @Override
    public void phaseFinished(Phase phase, String node, Duration duration, Outcome outcome) {
        Instant from = started.remove(key(phase, node));
        Duration d = from == null ? Duration.ZERO : Duration.between(from, simulated.instant());
        finished.put(key(phase, node), d);
        timeline.phaseFinished(phase, node, d, outcome);
    }

    @Override
    public void message(Level level, String text) {
        // the real timeline keeps the messages
    }

    /**
     * The simulated duration of the last run of {@code phase} for {@code node}, once it finished;
     * listeners placed after this one in a composite see it for the phase just finished.
     */
    Optional<Duration> last(Phase phase, String node) {
        return Optional.ofNullable(finished.get(key(phase, node)));
    }

    Timeline timeline() {
        return timeline;
    }

    private static String key(Phase phase, String node) {
        return phase + "/" + node;
    }
}
