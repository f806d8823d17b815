package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressPrinter printer =
            new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock);

    private String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPerNodePhasePrintsALineWhenItStarts() {
        printer.phaseStarted(Phase.ADDRESS, "np-x-n2");
        assertThat(out()).contains("address        np-x-n2          started");
    }

    @Test
    void aHeartbeatPrintsWhatThePhaseWaitsForAndHowLong() {
        clock.advance(Duration.ofSeconds(45));
        printer.phaseWaiting(Phase.ADDRESS, "np-x-n2", Duration.ofSeconds(45), Duration.ofMinutes(5));
        assertThat(out()).isEqualTo("[   45.0s] np-x-n2: waiting for the guest agent's address, 45 s of 5 min\n");
    }

    @Test
    void aFinishedPhaseStillPrintsItsDuration() {
        printer.phaseFinished(Phase.CLONE, "n1", Duration.ofMillis(1300), Outcome.SUCCEEDED);
        assertThat(out()).contains("clone          n1               ok 1.3s");
    }
}
