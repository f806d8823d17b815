package io.jenkins.plugins.nestedpve.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import io.jenkins.plugins.nestedpve.wait.Waiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final Waiter waiter = new Waiter(clock, clock.sleeper());
    private final Backoff poll = new Backoff(Duration.ofSeconds(5), 1.0, Duration.ofSeconds(5));

    /** Records the heartbeats as the line users see. */
    private static final class Beats implements ProgressListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void phaseWaiting(Phase phase, String node, Duration waited, Duration limit) {
            lines.add(Heartbeat.describe(phase, node, waited, limit));
        }
    }

    /** Polls until {@code after} has passed on the clock. */
    private void waitFor(Duration after, Duration timeout) throws InterruptedException {
        Instant ready = clock.instant().plus(after);
        waiter.until("ready", timeout, poll, () -> clock.instant().isBefore(ready) ? Optional.empty() : Optional.of(1));
    }

    @Test
    void aLongWaitInsideAPhaseBeatsEveryIntervalWithTheTimeOfItsLimit() throws InterruptedException {
        Beats beats = new Beats();
        try (PhaseRun run = PhaseRun.start(beats, clock, Phase.ADDRESS, "np-x-n2")) {
            waitFor(Duration.ofSeconds(45), Duration.ofMinutes(5));
            run.succeeded();
        }
        assertThat(beats.lines)
                .containsExactly(
                        "np-x-n2: waiting for the guest agent's address, 20 s of 5 min",
                        "np-x-n2: waiting for the guest agent's address, 40 s of 5 min");
    }

    @Test
    void aShortWaitDoesNotBeat() throws InterruptedException {
        Beats beats = new Beats();
        try (PhaseRun run = PhaseRun.start(beats, clock, Phase.SSH, "n1")) {
            waitFor(Duration.ofSeconds(15), Duration.ofMinutes(3));
            run.succeeded();
        }
        assertThat(beats.lines).isEmpty();
    }

    @Test
    void aWaitAfterThePhaseEndedDoesNotBeatForIt() throws InterruptedException {
        Beats beats = new Beats();
        try (PhaseRun run = PhaseRun.start(beats, clock, Phase.START, "n1")) {
            run.succeeded();
        }
        waitFor(Duration.ofMinutes(2), Duration.ofMinutes(3));
        assertThat(beats.lines).isEmpty();
    }

    @Test
    void aClusterWidePhaseIsNamedByItsLabel() {
        assertThat(Heartbeat.describe(Phase.QUORUM, null, Duration.ofSeconds(80), Duration.ofSeconds(180)))
                .isEqualTo("quorum: waiting for quorum with every node online, 1 min 20 s of 3 min");
    }

    @Test
    void theHeartbeatReachesEveryListenerOfAComposite() throws InterruptedException {
        Beats a = new Beats();
        Beats b = new Beats();
        try (PhaseRun run = PhaseRun.start(ProgressListener.composite(a, b), clock, Phase.JOIN, "n3")) {
            waitFor(Duration.ofSeconds(25), Duration.ofMinutes(5));
            run.succeeded();
        }
        assertThat(a.lines).hasSize(1);
        assertThat(b.lines).isEqualTo(a.lines);
    }
}
