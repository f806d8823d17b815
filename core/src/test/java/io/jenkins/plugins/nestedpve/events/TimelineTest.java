package io.jenkins.plugins.nestedpve.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final Timeline timeline = new Timeline(clock);

    private void run(Phase phase, String node, Duration took, Outcome outcome) {
        timeline.phaseStarted(phase, node);
        clock.advance(took);
        timeline.phaseFinished(phase, node, took, outcome);
    }

    @Test
    void rendersOneRowPerPhaseAndOneColumnPerNode() {
        run(Phase.VALIDATE, null, Duration.ofMillis(400), Outcome.SUCCEEDED);
        // two nodes cloned in parallel: both start, then both finish
        timeline.phaseStarted(Phase.CLONE, "np-a-n1");
        timeline.phaseStarted(Phase.CLONE, "np-a-n2");
        clock.advance(Duration.ofSeconds(4));
        timeline.phaseFinished(Phase.CLONE, "np-a-n1", Duration.ofSeconds(4), Outcome.SUCCEEDED);
        clock.advance(Duration.ofSeconds(2));
        timeline.phaseFinished(Phase.CLONE, "np-a-n2", Duration.ofSeconds(6), Outcome.SUCCEEDED);
        run(Phase.JOIN, "np-a-n2", Duration.ofSeconds(75), Outcome.FAILED);

        assertThat(timeline.render())
                .isEqualTo("phase     cluster  np-a-n1  np-a-n2       span\n"
                        + "validate  400ms    -        -             400ms\n"
                        + "clone     -        4.0s     6.0s          6.0s\n"
                        + "join      -        -        FAILED 1m15s  1m15s\n"
                        + "total                                     1m21s\n"
                        + "(a node's cell: its own time in the phase; span: from the phase's first start on any node"
                        + " to its last end, nodes running in parallel)\n");
    }

    @Test
    void nodeColumnsAreInNameOrderWhateverOrderTheyFinishIn() {
        run(Phase.CLONE, "np-a-n10", Duration.ofSeconds(1), Outcome.SUCCEEDED);
        run(Phase.CLONE, "np-a-n2", Duration.ofSeconds(1), Outcome.SUCCEEDED);
        run(Phase.CLONE, "np-a-n1", Duration.ofSeconds(1), Outcome.SUCCEEDED);

        assertThat(timeline.render().lines().findFirst().orElseThrow())
                .matches("phase +np-a-n1 +np-a-n2 +np-a-n10 +span");
    }

    @Test
    void skippedAndRunningPhasesAreShownAsSuch() {
        timeline.phaseFinished(Phase.JOIN, null, Duration.ZERO, Outcome.SKIPPED);
        timeline.phaseStarted(Phase.QUORUM, null);
        clock.advance(Duration.ofSeconds(3));
        assertThat(timeline.render()).contains("join    skipped").contains("quorum  running");
    }

    @Test
    void rendersAPlaceholderWhenEmpty() {
        assertThat(timeline.render()).isEqualTo("(no phases recorded)\n");
    }

    @Test
    void timingsSumRepeatsAndLeaveOutSkippedPhases() {
        run(Phase.SSH, "n1", Duration.ofSeconds(2), Outcome.FAILED);
        run(Phase.SSH, "n1", Duration.ofSeconds(3), Outcome.SUCCEEDED);
        timeline.phaseFinished(Phase.JOIN, null, Duration.ZERO, Outcome.SKIPPED);
        PhaseTimings t = timeline.timings();
        assertThat(t.get(Phase.SSH, "n1")).contains(Duration.ofSeconds(5));
        assertThat(t.byPhase()).doesNotContainKey(Phase.JOIN);
    }

    @Test
    void recordsMessagesWithTheirTime() {
        clock.advance(Duration.ofSeconds(1));
        timeline.message(Level.WARNING, "nesting is emulated");
        assertThat(timeline.messages())
                .containsExactly(new Timeline.MessageRecord(
                        Instant.parse("2025-01-01T10:00:01Z"), Level.WARNING, "nesting is emulated"));
    }

    @Test
    void recordsStartTimesFromTheInjectedClock() {
        clock.advance(Duration.ofMinutes(1));
        timeline.phaseStarted(Phase.START, "n1");
        assertThat(timeline.phases().get(0).started()).isEqualTo(Instant.parse("2025-01-01T10:01:00Z"));
        assertThat(timeline.phases().get(0).outcome()).isNull();
    }
}
