package io.jenkins.plugins.nestedpve.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FileLocksTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FileLocks locks = new FileLocks(scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void sharedHoldersDoNotBlockEachOther() throws Exception {
        FileLocks.Held a = locks.acquire("/l", true, Duration.ofMillis(50)).get(1, TimeUnit.SECONDS);
        FileLocks.Held b = locks.acquire("/l", true, Duration.ofMillis(50)).get(1, TimeUnit.SECONDS);
        a.close();
        b.close();
        assertThat(locks.isHeld("/l")).isFalse();
    }

    @Test
    void exclusiveWaiterTimesOutWithPvesText() throws Exception {
        FileLocks.Held shared = locks.acquire("/var/lock/qemu-server/lock-9000.conf", true, Duration.ZERO)
                .get(1, TimeUnit.SECONDS);
        var waiting = locks.acquire("/var/lock/qemu-server/lock-9000.conf", false, Duration.ofMillis(5));
        assertThatThrownBy(() -> waiting.get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("can't lock file '/var/lock/qemu-server/lock-9000.conf' - got timeout");
        shared.close();
    }

    @Test
    void releaseHandsTheLockToTheNextWaiter() throws Exception {
        FileLocks.Held first = locks.acquire("/l", false, Duration.ZERO).get(1, TimeUnit.SECONDS);
        var second = locks.acquire("/l", false, Duration.ofSeconds(5));
        assertThat(second).isNotDone();
        first.close();
        first.close();
        assertThat(second.get(1, TimeUnit.SECONDS)).isNotNull();
    }
}
