package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile;
import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The ready bound follows PVE's own order: node 1 creates the cluster, each node joins when it is ready. */
class CriticalPathTest {
    private static final LatencyProfile REALISTIC = LatencyProfile.realistic();

    private static Duration d(Step step) {
        return REALISTIC.realistic(step);
    }

    /** Clone (3 s + the 0.8 s cloud-init volume), configure, start, boot, identity: 47.9 s. */
    private static final Duration NODE_ONE = Duration.ofMillis(3_800 + 100 + 2_000 + 40_000 + 2_000);

    /** Smoke-check VM: create, start, stop, destroy. */
    private static final Duration SMOKE = Duration.ofSeconds(2 + 2 + 3 + 2);

    @Test
    void oneNodeIsItsCloneBootIdentityAndTheSmokeCheck() {
        assertThat(new CriticalPath(REALISTIC).ready(1)).isEqualTo(NODE_ONE.plus(SMOKE));
    }

    @Test
    void theOtherNodesComeUpWhileTheJoinsBeforeThemRunSoOnlyNodeOneIsOnThePath() {
        Duration join = d(Step.CLUSTER_JOIN).plus(d(Step.API_DROP));

        assertThat(new CriticalPath(REALISTIC).ready(7))
                .isEqualTo(NODE_ONE.plus(d(Step.CLUSTER_CREATE))
                        .plus(join.multipliedBy(6))
                        .plus(SMOKE));
    }

    @Test
    void whenClonesOutlastJoinsTheLastNodesCloneIsOnThePath() {
        LatencyProfile slowClones = REALISTIC.with(Step.LINKED_CLONE, Duration.ofSeconds(59));
        Duration clone = Duration.ofSeconds(59).plus(Duration.ofMillis(800));
        Duration lastReady = clone.multipliedBy(3).plus(NODE_ONE.minus(Duration.ofMillis(3_800)));

        assertThat(new CriticalPath(slowClones).ready(3))
                .isEqualTo(lastReady
                        .plus(d(Step.CLUSTER_JOIN))
                        .plus(d(Step.API_DROP))
                        .plus(SMOKE));
    }

    @Test
    void oneGuestIsTornDownInOneStopAndOneDestroy() {
        assertThat(new CriticalPath(REALISTIC).teardown(1)).isEqualTo(Duration.ofSeconds(3 + 2));
    }

    @Test
    void theOtherGuestsVolumeFreesQueueForTheStorageLock() {
        // stop 3 s + destroy 2 s + 6 other guests x 2 volumes x 0.2 s
        assertThat(new CriticalPath(REALISTIC).teardown(7)).isEqualTo(Duration.ofMillis(5000 + 6 * 2 * 200));
    }
}
