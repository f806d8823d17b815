package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.PhaseRun;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import io.jenkins.plugins.nestedpve.wait.Waiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildLogListenerTest {
    @Test
    void aLongWaitWritesAStartLineAndHeartbeatsToTheBuildLog() throws InterruptedException {
        ManualClock clock = new ManualClock(Instant.parse("2025-01-01T10:00:00Z"));
        List<String> log = new ArrayList<>();
        BuildLogListener listener = new BuildLogListener(log::add);
        Instant ready = clock.instant().plusSeconds(45);
        try (PhaseRun run = PhaseRun.start(listener, clock, Phase.ADDRESS, "np-x-n2")) {
            new Waiter(clock, clock.sleeper())
                    .until(
                            "address",
                            Duration.ofMinutes(5),
                            new Backoff(Duration.ofSeconds(5), 1.0, Duration.ofSeconds(5)),
                            () -> clock.instant().isBefore(ready) ? Optional.empty() : Optional.of(1));
            run.succeeded();
        }
        assertThat(log)
                .containsExactly(
                        "[nested-pve] address np-x-n2 ...",
                        "[nested-pve] np-x-n2: waiting for the guest agent's address, 20 s of 5 min",
                        "[nested-pve] np-x-n2: waiting for the guest agent's address, 40 s of 5 min",
                        "[nested-pve] address np-x-n2: done in 45.0s");
    }
}
