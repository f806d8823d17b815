package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.ledger.Lease;
import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import io.jenkins.plugins.nestedpve.ledger.LeaseStore;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NestedPveRunListenerTest {
    @TempDir
    Path home;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-08-01T10:00:00Z"));
    private final ByteArrayOutputStream buildLog = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buildLog, true, StandardCharsets.UTF_8);

    @Test
    void releasesTheLeasesOfTheFinishedBuildIntoItsLog() {
        LeaseStore registry = TestLeases.store(home, clock);
        RecordingTeardown teardown = new RecordingTeardown();
        String mine = TestLeases.open(registry, "job#7", "lab", "c7");
        TestLeases.recordVmid(registry, mine, 90070);
        String theirs = TestLeases.open(registry, "job#8", "lab", "c8");
        LeaseReleaser releaser = new LeaseReleaser(
                registry, teardown, LeaseTags.builds(b -> false), LeaseReleaser.HostSweep.none(), clock);

        new NestedPveRunListener(() -> releaser).release("job#7", out);

        assertThat(teardown.destroyed).containsExactly(mine);
        assertThat(registry.live()).extracting(Lease::id).containsExactly(theirs);
        assertThat(buildLog.toString(StandardCharsets.UTF_8))
                .startsWith("[nested-pve] Destroying cluster c7 (VMIDs [90070]")
                .contains("[nested-pve] destroyed [90070]");
    }

    @Test
    void aBrokenRegistryDoesNotBreakTheBuildsCompletion() {
        NestedPveRunListener listener = new NestedPveRunListener(() -> {
            throw new IllegalStateException("no Jenkins home");
        });

        listener.release("job#7", out);

        assertThat(buildLog.toString(StandardCharsets.UTF_8))
                .contains("Releasing the nested clusters of this build failed: no Jenkins home; the reaper retries.");
    }
}
