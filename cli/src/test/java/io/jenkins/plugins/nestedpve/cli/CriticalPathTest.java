package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CriticalPathTest {
    private final CriticalPath path = new CriticalPath(LatencyProfile.realistic());

    @Test
    void oneGuestIsTornDownInOneStopAndOneDestroy() {
        assertThat(path.teardown(1)).isEqualTo(Duration.ofSeconds(3 + 2));
    }

    @Test
    void theOtherGuestsVolumeFreesQueueForTheStorageLock() {
        // stop 3 s + destroy 2 s + 6 other guests x 2 volumes x 0.2 s
        assertThat(path.teardown(7)).isEqualTo(Duration.ofMillis(5000 + 6 * 2 * 200));
    }
}
