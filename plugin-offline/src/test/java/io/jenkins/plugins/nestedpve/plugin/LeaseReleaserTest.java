package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.ledger.Lease;
import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import io.jenkins.plugins.nestedpve.ledger.LeaseState;
import io.jenkins.plugins.nestedpve.ledger.LeaseStore;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseReleaserTest {
    @TempDir
    Path home;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-08-01T10:00:00Z"));
    private final RecordingTeardown teardown = new RecordingTeardown();
    private final Set<String> running = new HashSet<>();
    private final List<String> log = new ArrayList<>();
    private final List<List<Lease>> reaped = new ArrayList<>();
    private LeaseStore registry;
    private LeaseReleaser releaser;

    @BeforeEach
    void setUp() {
        registry = TestLeases.store(home, clock);
        releaser = new LeaseReleaser(
                registry, teardown, LeaseTags.builds(running::contains), (live, l) -> reaped.add(live), clock);
    }

    private String lease(String build, int vmid) {
        String id = TestLeases.open(registry, build, "lab", "c-" + vmid);
        TestLeases.recordVmid(registry, id, vmid);
        registry.activate(id);
        return id;
    }

    @Test
    void aFinishedBuildsLeasesAreDestroyedAndReleased() {
        String a = lease("job#1", 90001);
        String b = lease("job#1", 90002);
        String other = lease("job#2", 90003);

        LeaseReleaser.Outcome o = releaser.releaseTagged(LeaseTags.BUILD, "job#1", log::add);

        assertThat(o).isEqualTo(new LeaseReleaser.Outcome(2, 0, 0));
        assertThat(teardown.destroyed).containsExactly(a, b);
        assertThat(registry.live()).extracting(Lease::id).containsExactly(other);
    }

    @Test
    void theBuildLogSaysWhatIsDestroyedAndWhy() {
        String id = lease("job#1", 90001);

        releaser.releaseTagged(LeaseTags.BUILD, "job#1", log::add);

        assertThat(log)
                .contains("Destroying cluster c-90001 (VMIDs [90001] on host 'lab', lease " + id
                        + ") because build job#1 has finished.");
    }

    @Test
    void aClusterKeptAfterAFailureSurvivesItsBuildUntilItExpires() {
        String id = lease("job#1", 90001);
        registry.keepUntil(id, clock.instant().plus(Duration.ofHours(2)));

        LeaseReleaser.Outcome o = releaser.releaseTagged(LeaseTags.BUILD, "job#1", log::add);

        assertThat(o.kept()).isEqualTo(1);
        assertThat(teardown.destroyed).isEmpty();
        assertThat(log).anySatisfy(l -> assertThat(l).contains("is kept until 2026-08-01T12:00:00Z"));
    }

    @Test
    void theReaperDestroysAKeptClusterOnceItsTimeIsUp() {
        running.add("job#1");
        String id = lease("job#1", 90001);
        registry.keepUntil(id, clock.instant().plus(Duration.ofHours(2)));
        clock.advance(Duration.ofHours(2));

        releaser.sweep(log::add);

        assertThat(teardown.destroyed).containsExactly(id);
    }

    @Test
    void aFailedTeardownLeavesTheLeaseForTheNextSweep() {
        String id = lease("job#1", 90001);
        teardown.failFor.add(id);

        LeaseReleaser.Outcome o = releaser.releaseTagged(LeaseTags.BUILD, "job#1", log::add);

        assertThat(o.failed()).isEqualTo(1);
        assertThat(registry.find(id).orElseThrow().state()).isEqualTo(LeaseState.TEARDOWN);
        assertThat(log)
                .anySatisfy(l -> assertThat(l)
                        .contains("VM 90001 is locked (clone)")
                        .contains("destroy those VMIDs on the host"));

        teardown.failFor.clear();
        releaser.sweep(log::add);
        assertThat(registry.find(id).orElseThrow().state()).isEqualTo(LeaseState.RELEASED);
    }

    @Test
    void theReaperLeavesLeasesOfRunningBuildsAlone() {
        running.add("job#1");
        lease("job#1", 90001);

        releaser.sweep(log::add);

        assertThat(teardown.destroyed).isEmpty();
    }

    @Test
    void theReaperDestroysLeasesOfBuildsThatNoLongerRun() {
        String orphan = lease("job#gone", 90001);

        releaser.sweep(log::add);

        assertThat(teardown.destroyed).containsExactly(orphan);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("build job#gone is no longer running"));
    }

    @Test
    void theHostReaperSeesTheLeasesThatAreStillLive() {
        running.add("job#1");
        String live = lease("job#1", 90001);

        releaser.sweep(log::add);

        assertThat(reaped)
                .singleElement()
                .satisfies(l -> assertThat(l).extracting(Lease::id).containsExactly(live));
    }

    @Test
    void aFailingHostReaperDoesNotStopTheSweep() {
        LeaseReleaser failing = new LeaseReleaser(
                registry,
                teardown,
                LeaseTags.builds(running::contains),
                (live, l) -> {
                    throw new IllegalStateException("host unreachable");
                },
                clock);

        failing.sweep(log::add);

        assertThat(log)
                .contains("Sweeping the hosts for unaccounted guests failed: host unreachable; retried next time.");
    }

    @Test
    void aBuildWithoutLeasesWritesNothing() {
        releaser.releaseTagged(LeaseTags.BUILD, "job#9", log::add);

        assertThat(log).isEmpty();
    }
}
