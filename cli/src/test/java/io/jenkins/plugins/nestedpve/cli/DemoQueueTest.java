package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nestedpve demo --clusters N --room R}: the line for room on a simulated host. */
class DemoQueueTest {
    @TempDir
    Path dir;

    @Test
    void threeClustersOnRoomForOneAllAreDeliveredTwoAfterWaitingAndNothingIsLeft() {
        CliHarness.Result r = new CliHarness(dir)
                .run("demo", "--clusters", "3", "--room", "1", "--nodes", "1", "--latency-scale", "0.01");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out())
                .contains("3 clusters of 1 × 4096 MiB (4 GiB each) at once on a simulated host of")
                .contains("room for 1")
                .containsPattern("\\[np-\\w+] waiting for room on pve: (1 cluster ahead|2 clusters ahead|first in"
                        + " line), np-\\w+ needs 4 GiB, [0-9.]+ GiB free")
                .contains("3 of 3 clusters delivered, 2 after waiting for room; room for 1 at a time")
                .contains("simulator inspection: nothing of ours is left (no guest, no ticket in the line)");
    }

    @Test
    void roomForMoreClustersThanRequestedIsAUsageError() {
        CliHarness.Result r = new CliHarness(dir).run("demo", "--clusters", "2", "--room", "3");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--room must be 1..2 (--clusters), got 3");
    }

    @Test
    void theHostIsSizedForTheRoomAndNotForOneMore() {
        long need = 3 * 4096;
        int gib = DemoQueueRun.hostGiB(need, 2);
        long total = gib * 1024L;
        long free = total - 2048 - Math.max(1024, total / 10);

        assertThat(free).isBetween(2 * need, 3 * need - 1);
    }
}
