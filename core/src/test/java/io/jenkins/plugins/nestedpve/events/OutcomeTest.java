package io.jenkins.plugins.nestedpve.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutcomeTest {
    private static final Duration D = Duration.ofMillis(4200);

    @Test
    void successReadsWithTheCallersWordsAndTheDuration() {
        assertThat(Outcome.SUCCEEDED.describe(D, "done in")).isEqualTo("done in 4.2s");
    }

    @Test
    void failureNamesItsDuration() {
        assertThat(Outcome.FAILED.describe(D, "ok")).isEqualTo("FAILED after 4.2s");
    }

    @Test
    void skippedHasNoDuration() {
        assertThat(Outcome.SKIPPED.describe(D, "ok")).isEqualTo("skipped");
    }

    @Test
    void cancelledSaysWhy() {
        assertThat(Outcome.CANCELLED.describe(D, "ok"))
                .isEqualTo("cancelled after 4.2s (stopped: another node failed, or a stop)");
    }
}
