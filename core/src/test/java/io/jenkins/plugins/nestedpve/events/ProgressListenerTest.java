package io.jenkins.plugins.nestedpve.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T10:00:00Z"));

    /** Records events as text. */
    private static final class Recorder implements ProgressListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void phaseStarted(Phase phase, String node) {
            events.add("start " + phase + " " + node);
        }

        @Override
        public void phaseFinished(Phase phase, String node, Duration duration, Outcome outcome) {
            events.add("end " + phase + " " + node + " " + duration + " " + outcome);
        }

        @Override
        public void message(Level level, String text) {
            events.add(level + " " + text);
        }
    }

    private static final ProgressListener BROKEN = new ProgressListener() {
        @Override
        public void phaseStarted(Phase phase, String node) {
            throw new IllegalStateException("display broken");
        }

        @Override
        public void message(Level level, String text) {
            throw new AssertionError("display broken");
        }
    };

    @Test
    void compositeDeliversToEveryListenerEvenWhenOneThrows() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        ProgressListener all = ProgressListener.composite(a, BROKEN, b);
        all.phaseStarted(Phase.CLONE, "n1");
        all.message(Level.INFO, "hello");
        assertThat(a.events).containsExactly("start CLONE n1", "INFO hello");
        assertThat(b.events).isEqualTo(a.events);
    }

    @Test
    void safeListenerSwallowsExceptions() {
        ProgressListener safe = ProgressListener.safe(BROKEN);
        safe.phaseStarted(Phase.SSH, null);
        safe.message(Level.ERROR, "x");
        assertThat(ProgressListener.safe(safe)).isSameAs(safe);
    }

    @Test
    void phaseRunReportsSuccessWithTheClocksDuration() {
        Recorder r = new Recorder();
        try (PhaseRun run = PhaseRun.start(r, clock, Phase.CLONE, "n1")) {
            clock.advance(Duration.ofSeconds(4));
            run.succeeded();
        }
        assertThat(r.events).containsExactly("start CLONE n1", "end CLONE n1 PT4S SUCCEEDED");
    }

    @Test
    void phaseRunLeftByAnExceptionReportsFailure() {
        Recorder r = new Recorder();
        assertThatThrownBy(() -> {
                    try (PhaseRun run = PhaseRun.start(r, clock, Phase.JOIN, "n2")) {
                        clock.advance(Duration.ofSeconds(1));
                        assertThat(run.elapsed()).isEqualTo(Duration.ofSeconds(1));
                        throw new IllegalStateException("join failed");
                    }
                })
                .hasMessage("join failed");
        assertThat(r.events).containsExactly("start JOIN n2", "end JOIN n2 PT1S FAILED");
    }

    @Test
    void phaseRunReportsSkippedAndOnlyOnce() {
        Recorder r = new Recorder();
        PhaseRun run = PhaseRun.start(r, clock, Phase.QUORUM, null);
        run.skipped();
        run.close();
        run.close();
        assertThat(r.events).containsExactly("start QUORUM null", "end QUORUM null PT0S SKIPPED");
    }

    @Test
    void phasesAreInProvisioningOrder() {
        assertThat(Phase.values())
                .startsWith(Phase.VALIDATE, Phase.PREFLIGHT, Phase.CLONE)
                .endsWith(Phase.READY, Phase.TEARDOWN);
        assertThat(Phase.CLUSTER_CREATE.label()).isEqualTo("cluster-create");
    }

    @Test
    void durationsAreShortAndHuman() {
        assertThat(Durations.human(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(Durations.human(Duration.ofMillis(12_345))).isEqualTo("12.3s");
        assertThat(Durations.human(Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(Durations.human(Duration.ofMinutes(62))).isEqualTo("1h02m");
    }
}
