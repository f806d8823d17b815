package io.jenkins.plugins.nestedpve.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InjectedLatencyTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final InjectedLatency latency = new InjectedLatency(0.05, nanos::get);

    private void pass(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void localWorkCountsAtItsRealLength() {
        pass(Duration.ofSeconds(2));
        assertThat(latency.simulatedElapsed()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anInjectedLatencyCountsAtItsRealisticLength() {
        latency.begin();
        pass(Duration.ofSeconds(2)); // 40 s of PVE at scale 0.05
        latency.end();
        pass(Duration.ofSeconds(1)); // local work
        assertThat(latency.simulatedElapsed()).isEqualTo(Duration.ofSeconds(41));
    }

    @Test
    void overlappingLatenciesCountOnce() {
        latency.begin();
        pass(Duration.ofSeconds(1));
        latency.begin();
        pass(Duration.ofSeconds(1));
        latency.end();
        pass(Duration.ofSeconds(1));
        latency.end();
        assertThat(latency.covered()).isEqualTo(Duration.ofSeconds(3));
        assertThat(latency.simulatedElapsed()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aPendingLatencyCountsUpToNow() {
        latency.begin();
        pass(Duration.ofMillis(500));
        assertThat(latency.simulatedElapsed()).isEqualTo(Duration.ofSeconds(10));
    }
}
