package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A second timeline of a simulated run in simulated time: every duration divided by the simulator's
 * latency scale, which is about what the run would take on real hardware (approximately: the real
 * overhead of TLS, SSH and the JVM is scaled up too).
 */
final class SimulatedTime implements ProgressListener {
    private final double scale;
    private final Timeline timeline;

    SimulatedTime(Clock real, double scale) {
        this.scale = scale;
        this.timeline = new Timeline(new ScaledClock(real, real.instant(), scale));
    }

    /** {@code real} divided by {@code scale}. */
    static Duration scale(Duration real, double scale) {
        return Duration.ofNanos(Math.round(real.toNanos() / scale));
    }

    @Override
    public void phaseStarted(Phase phase, String node) {
        timeline.phaseStarted(phase, node);
    }

    @Override
    public void phaseFinished(Phase phase, String node, Duration duration, Outcome outcome) {
        timeline.phaseFinished(phase, node, scale(duration, scale), outcome);
    }

    @Override
    public void message(Level level, String text) {
        // the real timeline keeps the messages
    }

    Timeline timeline() {
        return timeline;
    }

    /** A clock that runs {@code 1/scale} times as fast as {@code real} from {@code origin} on. */
    private static final class ScaledClock extends Clock {
        private final Clock real;
        private final Instant origin;
        private final double scale;

        ScaledClock(Clock real, Instant origin, double scale) {
            this.real = real;
            this.origin = origin;
            this.scale = scale;
        }

        @Override
        public Instant instant() {
            return origin.plus(scale(Duration.between(origin, real.instant()), scale));
        }

        @Override
        public ZoneId getZone() {
            return real.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new ScaledClock(real.withZone(zone), origin, scale);
        }
    }
}
