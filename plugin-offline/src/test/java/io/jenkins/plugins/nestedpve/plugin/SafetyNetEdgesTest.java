package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The startup reconciliation and the reaper's installation guard. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyNetEdgesTest {
    private static final int WAIT = ClusterFixture.WAIT_SECONDS;

    private ClusterFixture lab;

    @BeforeAll
    void start(@TempDir Path home) {
        lab = new ClusterFixture(home);
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @AfterEach
    void nothingIsLeftOnTheHost() {
        assertThat(lab.guests()).isEmpty();
        assertThat(lab.services.leases().live()).isEmpty();
    }

    @Test
    void startupReconciliationDestroysTheClustersOfBuildsThatNoLongerRun() throws Exception {
        CountDownLatch inBody = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ClusterFixture.Started gone = lab.start(lab.step(1), body -> {
            inBody.countDown();
            assertThat(release.await(WAIT, TimeUnit.SECONDS)).isTrue();
            return null;
        });
        assertThat(inBody.await(WAIT, TimeUnit.SECONDS)).isTrue();
        lab.running.remove(gone.run().getExternalizableId()); // its controller died with it
        assertThat(lab.guests()).hasSize(1);

        new NestedPveLeases(lab.services).reconcile();

        assertThat(lab.guests()).isEmpty();
        assertThat(lab.services
                        .leases()
                        .find(gone.execution().leaseId())
                        .orElseThrow()
                        .isLive())
                .isFalse();
        release.countDown();
        gone.context().await(WAIT); // the block's own teardown finds nothing left to do
    }
}
