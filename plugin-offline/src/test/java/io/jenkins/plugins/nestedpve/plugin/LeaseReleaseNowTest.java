package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import io.jenkins.plugins.nestedpve.ledger.LeaseState;
import io.jenkins.plugins.nestedpve.ledger.LeaseStore;
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

    private LeaseStore registry() {
        return TestLeases.store(home, clock);
    }

    private LeaseReleaser releaser(LeaseStore registry) {
        return new LeaseReleaser(
                registry, teardown, LeaseTags.builds(b -> true), LeaseReleaser.HostSweep.none(), clock);
    }

    @Test
    void aLeaseOpenedWithTheEnginesIdKeepsIt() {
        LeaseStore registry = registry();

        registry.open("engine-lease", "np-a", LeaseTags.of("job#1", "lab"));

        assertThat(registry().find("engine-lease").orElseThrow().state()).isEqualTo(LeaseState.PROVISIONING);
        assertThatThrownBy(() -> registry.open("engine-lease", "np-b", LeaseTags.of("job#2", "lab")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void releaseNowDestroysAndReleases() throws Exception {
        LeaseStore registry = registry();
        registry.open("l1", "np-a", LeaseTags.of("job#1", "lab"));
        TestLeases.recordVmid(registry, "l1", 80001);
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
        LeaseStore registry = registry();
        registry.open("l1", "np-a", LeaseTags.of("job#1", "lab"));
        TestLeases.recordVmid(registry, "l1", 80001);
        teardown.failFor.add("l1");

        assertThatThrownBy(() -> releaser(registry).releaseNow("l1", "the block has ended", s -> {}))
                .hasMessageContaining("VM 80001 is locked");
        assertThat(registry.find("l1").orElseThrow().state()).isEqualTo(LeaseState.TEARDOWN);
    }

    @Test
    void releaseNowOfAReleasedLeaseDoesNothing() throws Exception {
        LeaseStore registry = registry();
        registry.open("l1", "np-a", LeaseTags.of("job#1", "lab"));
        registry.release("l1");

        assertThat(releaser(registry).releaseNow("l1", "again", s -> {})).isFalse();
        assertThat(teardown.destroyed).isEmpty();
    }
}
