package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.Timeouts;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine with production timeouts and backoffs on a clock that runs 25 times faster, next to
 * a simulator scaled by 1/25: real-world minutes of waiting pass in real seconds.
 *
 * <p>The factor is bounded by the CPU work the simulator really does (it generates every guest's new
 * host keys): that work is not scaled, so the clock multiplies it. At 100 times, a loaded build
 * machine turned a second of key generation into more than the 3 minute SSH limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaledTimeTest {
    private static final double FACTOR = 25;

    private SimLab lab;
    private NestedPveEngine engine;
    private ScaledClock clock;

    @BeforeAll
    void start() {
        lab = new SimLab(SimLab.simulator(1 / FACTOR).start());
        clock = new ScaledClock(FACTOR);
        EngineContext ctx = EngineContext.builder(lab.installation)
                .clock(clock)
                .sleeper(clock.sleeper())
                .ledger(lab.ledger)
                .pveClients(PveClientFactory.standard(clock, clock.sleeper(), RetryPolicy.DEFAULT, Backoff.TASK_POLL))
                .ssh(new SshConnector(SimLab.SSH, Clock.systemUTC(), io.jenkins.plugins.nestedpve.wait.Sleeper.SYSTEM))
                .build();
        engine = new NestedPveEngine(ctx);
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    private ClusterSpec spec(int nodes) {
        return lab.spec(nodes).timeouts(Timeouts.defaults()).build();
    }

    @Test
    void aClusterComesUpWithProductionTimeoutsAndBackoffs() {
        Timeline events = new Timeline(clock);
        NestedCluster cluster = engine.provision(spec(2), lab.token(), lab.guest(), events);
        assertThat(cluster.nodes()).hasSize(2);
        assertThat(engine.teardown(cluster, lab.token(), ProgressListener.NOOP).ok())
                .isTrue();
        assertThat(lab.guestVms()).isEmpty();
    }

    @Test
    void aThreeMinuteQuorumTimeoutPassesInSecondsOfRealTime() {
        ClusterSpec spec = spec(2);
        String second = spec.nodeName(2);
        ProgressListener nodeDown = new PhaseHook(
                Phase.QUORUM,
                null,
                () -> lab.sim.guests().stream()
                        .filter(g -> g.nodeName().equals(second))
                        .forEach(g -> g.powerOff()));
        Timeline events = new Timeline(clock);
        long realStart = System.nanoTime();
        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class,
                () -> engine.provision(spec, lab.token(), lab.guest(), ProgressListener.composite(events, nodeDown)));
        Duration real = Duration.ofNanos(System.nanoTime() - realStart);

        assertThat(e.phase()).isEqualTo(Phase.QUORUM);
        assertThat(e.getMessage()).contains("did not within 3 min").contains("offline [" + second + "]");
        assertThat(events.phases())
                .filteredOn(r -> r.phase() == Phase.QUORUM)
                .singleElement()
                .satisfies(r -> assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofMinutes(3)));
        // the whole run, its 3 minute quorum wait included, takes less real time than that wait alone
        assertThat(real).isLessThan(Duration.ofMinutes(3));
        assertThat(lab.guestVms()).isEmpty();
    }
}
