package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step's own teardown through the releaser, and leases opened with the engine's id. */
class LeaseReleaseNowTest {
    @TempDir
    Path home;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-08-01T10:00:00Z"));
    private final RecordingTeardown teardown = new RecordingTeardown();

    private LeaseRegistry registry() {
        return LeaseRegistry.open(home.resolve("leases.json"), clock, s -> {});
    }

    private LeaseReleaser releaser(LeaseRegistry registry) {
        return new LeaseReleaser(registry, teardown, b -> true, HostReaper.none(), clock);
    }

    @Test
    void aLeaseOpenedWithTheEnginesIdKeepsIt() {
        LeaseRegistry registry = registry();

        registry.open("engine-lease", "job#1", "lab", "np-a");

        assertThat(registry().find("engine-lease").orElseThrow().state()).isEqualTo(LeaseState.PROVISIONING);
        assertThatThrownBy(() -> registry.open("engine-lease", "job#2", "lab", "np-b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void releaseNowDestroysAndReleases() throws Exception {
        LeaseRegistry registry = registry();
        registry.open("l1", "job#1", "lab", "np-a");
        registry.recordVmid("l1", 80001);
        List<String> log = new ArrayList<>();

        assertThat(releaser(registry).releaseNow("l1", "the block has ended", log::add))
                .isTrue();

        assertThat(teardown.destroyed).containsExactly("l1");
        assertThat(registry.find("l1").orElseThrow().state()).isEqualTo(LeaseState.RELEASED);
        assertThat(log.get(0))
                .startsWith("Destroying cluster np-a (VMIDs [80001]")
                .endsWith("the block has ended.");
    }

    @Test
    void releaseNowThrowsWhatFailedAndLeavesTheLeaseForTheSafetyNets() {
        LeaseRegistry registry = registry();
        registry.open("l1", "job#1", "lab", "np-a");
        registry.recordVmid("l1", 80001);
        teardown.failFor.add("l1");

        assertThatThrownBy(() -> releaser(registry).releaseNow("l1", "the block has ended", s -> {}))
                .hasMessageContaining("VM 80001 is locked");
        assertThat(registry.find("l1").orElseThrow().state()).isEqualTo(LeaseState.TEARDOWN);
    }

    @Test
    void releaseNowOfAReleasedLeaseDoesNothing() throws Exception {
        LeaseRegistry registry = registry();
        registry.open("l1", "job#1", "lab", "np-a");
        registry.release("l1");

        assertThat(releaser(registry).releaseNow("l1", "again", s -> {})).isFalse();
        assertThat(teardown.destroyed).isEmpty();
    }
}
