package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.ledger.Lease;
import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import io.jenkins.plugins.nestedpve.ledger.LeaseState;
import io.jenkins.plugins.nestedpve.ledger.LedgerEntry;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * nestedPveCluster from start to end against the simulated host, with a fake step context: what the body sees,
 * teardown however the body ends, abort while provisioning and while tearing down, and a killed build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterStepLifecycleTest {
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
    void theBodyGetsTheClusterAndTeardownLeavesNothing() throws Exception {
        ClusterFixture.Started s = lab.start(lab.step(1), body -> {
            assertThat(lab.guests()).hasSize(1);
            return Map.of("env", body.env().values, "cluster", body.cluster());
        });

        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) s.context().await(WAIT);

        @SuppressWarnings("unchecked")
        Map<String, String> env = (Map<String, String>) seen.get("env");
        NestedPveClusterContext cluster = (NestedPveClusterContext) seen.get("cluster");
        assertThat(env)
                .containsEntry("NESTED_PVE_CLUSTER", cluster.getClusterName())
                .containsEntry("NESTED_PVE_LEASE", s.execution().leaseId())
                .containsEntry("NESTED_PVE_HOST", "lab")
                .containsEntry("NESTED_PVE_NODE_COUNT", "1")
                .containsKey("NESTED_PVE_ROOT_PASSWORD");
        assertThat(Path.of(env.get("NESTED_PVE_DESCRIPTOR"))).exists();
        assertThat(Files.readString(Path.of(env.get("NESTED_PVE_INVENTORY")))).contains(cluster.getClusterName());
        assertThat(cluster.getNodes()).hasSize(1);
        assertThat(cluster.getHostId()).isEqualTo("lab");
        assertThat(s.context().completions).hasValue(1);
        assertThat(s.run().actions).singleElement().isInstanceOfSatisfying(NestedPveClusterAction.class, a -> {
            assertThat(a.getNodes()).hasSize(1);
            assertThat(a.getNesting()).isEqualTo("hardware");
            assertThat(a.getTimeline()).contains("clone");
        });
        assertThat(s.log().text())
                .contains("[nested-pve] Cluster " + cluster.getClusterName() + " is ready")
                .contains("[nested-pve] teardown: 1 destroyed");
        assertThat(lab.services
                        .leases()
                        .find(s.execution().leaseId())
                        .orElseThrow()
                        .state())
                .isEqualTo(LeaseState.RELEASED);
        assertThat(lab.services.secrets().reveal(s.execution().leaseId())).isEmpty();
    }

    @Test
    void aFailingBodyKeepsItsErrorAndTheClusterIsStillDestroyed() throws Exception {
        ClusterFixture.Started s = lab.start(lab.step(1), body -> {
            throw new AbortException("tests in the body failed");
        });

        Throwable failure = s.context().failure(WAIT);

        assertThat(failure).hasMessage("tests in the body failed").hasNoSuppressedExceptions();
        assertThat(s.context().completions).hasValue(1);
        assertThat(s.log().text()).contains("because its nestedPveCluster block failed");
    }

    @Test
    void teardownErrorsAreAddedToTheBodysErrorAndTheLeaseStaysForTheReaper() throws Exception {
        ClusterFixture.Started s = lab.start(lab.step(1), body -> {
            lab.store.remove("pve-token"); // teardown cannot log in to the host now
            throw new AbortException("tests in the body failed");
        });

        Throwable failure = s.context().failure(WAIT);

        assertThat(failure).hasMessage("tests in the body failed");
        assertThat(failure.getSuppressed())
                .singleElement()
                .satisfies(t -> assertThat(t.getMessage()).contains("No credentials with id 'pve-token'"));
        Lease lease = lab.services.leases().find(s.execution().leaseId()).orElseThrow();
        assertThat(lease.state()).isEqualTo(LeaseState.TEARDOWN);
        assertThat(lab.guests()).hasSize(1);

        restoreToken();
        assertThat(lab.services.releaser().releaseNow(lease.id(), "the test cleans up", line -> {}))
                .isTrue();
    }

    @Test
    void keepOnFailureKeepsTheGuestsUntilTheirExpiry() throws Exception {
        NestedPveClusterStep step = lab.step(1);
        step.setKeepOnFailure("1h");
        Instant before = Instant.now();
        ClusterFixture.Started s = lab.start(step, body -> {
            throw new AbortException("tests in the body failed");
        });

        assertThat(s.context().failure(WAIT)).hasMessage("tests in the body failed");

        Lease lease = lab.services.leases().find(s.execution().leaseId()).orElseThrow();
        assertThat(lease.keptUntil())
                .isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
        SimVm vm = lab.guests().get(0);
        OwnershipMarker marker =
                OwnershipMarker.parse(String.valueOf(vm.get("description"))).orElseThrow();
        assertThat(marker.expires()).isNotNull();
        assertThat(new LeaseReleaser(
                                lab.services.leases(),
                                lab.services.hostOps(),
                                LeaseTags.builds(b -> false),
                                LeaseReleaser.HostSweep.none(),
                                java.time.Clock.systemUTC())
                        .releaseTagged(LeaseTags.BUILD, s.run().getExternalizableId(), line -> {}))
                .isEqualTo(new LeaseReleaser.Outcome(0, 0, 1));

        assertThat(lab.services.releaser().releaseNow(lease.id(), "the test cleans up", line -> {}))
                .isTrue();
    }

    @Test
    void abortWhileProvisioningDestroysWhatWasCreated() throws Exception {
        GatedLedger gate = lab.gateAt(LedgerEntry.State.CREATED);
        ClusterFixture.Started s = lab.start(lab.step(1), body -> {
            throw new AssertionError("the body must not run");
        });
        gate.awaitHeld();
        lab.awaitGuests(1);
        AbortException cause = new AbortException("Aborted by a user");

        s.execution().stop(cause);
        gate.open();

        assertThat(s.context().failure(WAIT)).isSameAs(cause);
        assertThat(s.context().completions).hasValue(1);
        assertThat(s.context().bodies).isEmpty();
        assertThat(lab.services
                        .leases()
                        .find(s.execution().leaseId())
                        .orElseThrow()
                        .state())
                .isEqualTo(LeaseState.RELEASED);
        assertThat(s.log().text()).contains("Stopping: provisioning is cancelled");
        lab.restart();
    }

    @Test
    void abortWhileTearingDownLetsTheTeardownFinish() throws Exception {
        GatedLedger gate = lab.gateAt(LedgerEntry.State.DESTROYED);
        ClusterFixture.Started s = lab.start(lab.step(1), body -> "body done");
        gate.awaitHeld(); // the teardown is in flight: it destroyed the guest and records that
        AbortException cause = new AbortException("Aborted by a user");

        s.execution().stop(cause);
        gate.open();

        assertThat(s.context().failure(WAIT)).isSameAs(cause);
        assertThat(gate.interrupted).isFalse();
        assertThat(s.context().completions).hasValue(1);
        assertThat(lab.services
                        .leases()
                        .find(s.execution().leaseId())
                        .orElseThrow()
                        .state())
                .isEqualTo(LeaseState.RELEASED);
        assertThat(s.log().text()).contains("Teardown is in progress and is not interrupted");
        lab.restart();
    }

    @Test
    void aKilledBuildsClusterIsDestroyedByTheRunListener() throws Exception {
        CountDownLatch bodyRuns = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ClusterFixture.Started s = lab.start(lab.step(1), body -> {
            bodyRuns.countDown();
            never.await(); // "Kill": no step code runs any more
            return null;
        });
        assertThat(bodyRuns.await(WAIT, TimeUnit.SECONDS)).isTrue();
        ByteArrayOutputStream buildLog = new ByteArrayOutputStream();

        new NestedPveRunListener(() -> lab.services.releaser())
                .release(s.run().getExternalizableId(), new PrintStream(buildLog, true, StandardCharsets.UTF_8));

        assertThat(lab.guests()).isEmpty();
        assertThat(lab.services
                        .leases()
                        .find(s.execution().leaseId())
                        .orElseThrow()
                        .state())
                .isEqualTo(LeaseState.RELEASED);
        assertThat(buildLog.toString(StandardCharsets.UTF_8)).contains("[nested-pve] Destroying cluster");
    }

    @Test
    void anUnknownHostFailsBeforeAnythingIsCreated() throws Exception {
        ClusterFixture.Started s = lab.start(new NestedPveClusterStep("elsewhere"), body -> null);

        assertThat(s.context().failure(WAIT))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("No PVE host 'elsewhere' is configured (configured: lab)");
        assertThat(lab.services.leases().find(s.execution().leaseId())).isEmpty();
    }

    @Test
    void moreNodesThanTheLimitFailBeforeAnythingIsCreated() throws Exception {
        ClusterFixture.Started s = lab.start(lab.step(9), body -> null);

        assertThat(s.context().failure(WAIT)).hasMessageContaining("9 nodes asked, but clusters may have at most 5");
    }

    private void restoreToken() {
        lab.store.add(new FakeCredentials.Text(
                "pve-token", lab.secrets.secret(lab.sim.tokenId() + "=" + lab.sim.tokenSecret())));
    }
}
