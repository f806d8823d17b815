package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyProfileTest {
    @Test
    void everyStepIsScaledByOneFactor() {
        LatencyProfile p = LatencyProfile.scaled(0.001);
        assertThat(p.of(Step.LINKED_CLONE)).isEqualTo(Duration.ofMillis(3));
        assertThat(p.of(Step.FULL_CLONE)).isEqualTo(Duration.ofMillis(60));
        assertThat(p.of(Step.AUTH_FAILURE_DELAY)).isEqualTo(Duration.ofMillis(3));
    }

    @Test
    void overrideKeepsTheScale() {
        LatencyProfile p = LatencyProfile.scaled(0.01).with(Step.GUEST_BOOT, Duration.ofSeconds(100));
        assertThat(p.of(Step.GUEST_BOOT)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.withScale(0.1).of(Step.GUEST_BOOT)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void realisticDefaultsFollowTheFacts() {
        LatencyProfile p = LatencyProfile.realistic();
        assertThat(p.of(Step.LOCK_WAIT_SHORT)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.of(Step.LOCK_WAIT_DEFAULT)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.of(Step.STATS_LAG)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void nonPositiveScaleIsRejected() {
        assertThatThrownBy(() -> LatencyProfile.scaled(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
