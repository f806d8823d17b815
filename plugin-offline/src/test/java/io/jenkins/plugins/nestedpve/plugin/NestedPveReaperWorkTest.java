package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
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

class NestedPveReaperWorkTest {
    @TempDir
    Path home;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-08-01T10:00:00Z"));

    @Test
    void runsAtTheConfiguredInterval() {
        NestedPveReaperWork work = new NestedPveReaperWork(() -> null, () -> 15);

        assertThat(work.getRecurrencePeriod()).isEqualTo(15 * 60_000L);
        assertThat(work.name).isEqualTo("nested-pve reaper");
    }

    @Test
    void sweepsOrphanedLeasesAndReportsTheCounts() {
        LeaseStore registry = TestLeases.store(home, clock);
        RecordingTeardown teardown = new RecordingTeardown();
        String orphan = TestLeases.open(registry, "job#gone", "lab", "c1");
        LeaseReleaser releaser = new LeaseReleaser(
                registry, teardown, LeaseTags.builds(b -> false), LeaseReleaser.HostSweep.none(), clock);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        TaskListener listener = () -> out;

        new NestedPveReaperWork(() -> releaser, () -> 15).execute(listener);

        assertThat(teardown.destroyed).containsExactly(orphan);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .endsWith("Released 1, failed 0, kept 0." + System.lineSeparator());
    }
}
