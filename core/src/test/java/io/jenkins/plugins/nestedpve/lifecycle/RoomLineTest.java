package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.capacity.NoRoomException;
import io.jenkins.plugins.nestedpve.capacity.RoomTicket;
import io.jenkins.plugins.nestedpve.capacity.Rooms;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.ledger.InMemoryLedger;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The line for room on a simulated host with room for two 1-node clusters (8 GiB: 2 GiB for PVE itself, a
 * 1 GiB margin, 2 GiB per cluster): more clusters wait, none fails, no two installations take the same room.
 */
class RoomLineTest {
    private static final Rooms FAST_ROOMS =
            new Rooms(new Rooms.Settings(Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(10)));

    private SimLab lab;
    /** Clusters admitted and not torn down yet, across every engine; and the most there ever were. */
    private final AtomicInteger holding = new AtomicInteger();

    private final AtomicInteger most = new AtomicInteger();
    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();
    /** Counted down by each cluster's first room line: no cluster gives its room back before all have asked. */
    private CountDownLatch asked = new CountDownLatch(0);

    @BeforeEach
    void start() {
        lab = new SimLab(SimLab.simulator(0.002).hostMemoryGiB(8).start());
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private NestedPveEngine engine(UUID installation) {
        Clock clock = Clock.systemUTC();
        return new NestedPveEngine(EngineContext.builder(installation)
                .clock(clock)
                .sleeper(Sleeper.SYSTEM)
                .ledger(new InMemoryLedger())
                .pveClients(PveClientFactory.standard(clock, Sleeper.SYSTEM, SimLab.FAST_RETRY, SimLab.FAST))
                .ssh(new SshConnector(SimLab.SSH, clock, Sleeper.SYSTEM))
                .poll(SimLab.FAST)
                .rooms(FAST_ROOMS)
                .build());
    }

    private ClusterSpec spec(UUID installation) {
        return lab.spec(1).installationId(installation).smokeCheck(false).build();
    }

    /** Records each line of {@code cluster} and counts it as holding room from its admission on. */
    private ProgressListener listener(String cluster) {
        List<String> mine = lines.computeIfAbsent(cluster, k -> new ArrayList<>());
        return new ProgressListener() {
            @Override
            public void message(Level level, String text) {
                synchronized (mine) {
                    if (mine.isEmpty() && (text.startsWith("room on ") || text.startsWith("waiting for room"))) {
                        asked.countDown();
                    }
                    mine.add(text);
                }
                if (text.startsWith("room on ")) {
                    most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                }
            }
        };
    }

    /** Provisions, then tears down at once, giving the room back. */
    private Thread lifecycle(NestedPveEngine engine, ClusterSpec spec, List<Throwable> failures) {
        Thread t = new Thread(() -> {
            try {
                NestedCluster c = engine.provision(spec, lab.token(), null, listener(spec.clusterName()));
                assertThat(asked.await(2, TimeUnit.MINUTES)).isTrue();
                holding.decrementAndGet(); // counted down before the room is really free: never undercounts
                assertThat(engine.teardown(c, lab.token(), ProgressListener.NOOP)
                                .ok())
                        .isTrue();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        t.start();
        return t;
    }

    private List<String> ticketPools() {
        return lab.sim.host().pmxcfs().users().poolComments().keySet().stream()
                .filter(p -> p.startsWith(RoomTicket.PREFIX))
                .toList();
    }

    private long waited() {
        return lines.values().stream()
                .filter(l -> l.stream().anyMatch(s -> s.startsWith("waiting for room on ")))
                .count();
    }

    @Test
    void fiveClustersAtOnceOnRoomForTwoAllFinishThreeAfterWaiting() throws Exception {
        UUID installation = lab.installation;
        NestedPveEngine engine = engine(installation);
        asked = new CountDownLatch(5);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            threads.add(lifecycle(engine, spec(installation), failures));
        }
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(3));
        }

        assertThat(failures).isEmpty();
        assertThat(lines).hasSize(5);
        assertThat(waited()).isEqualTo(3);
        assertThat(most.get()).isLessThanOrEqualTo(2);
        assertThat(lines.values().stream().flatMap(List::stream))
                .anyMatch(l -> l.matches("waiting for room on \\S+: (\\d clusters? ahead|first in line), np-t\\d+"
                        + " needs 2 GiB, \\d+(\\.\\d)? GiB free"));
        assertThat(lab.guestVms()).isEmpty();
        assertThat(ticketPools()).isEmpty();
    }

    @Test
    void twoInstallationsStartingAtOnceNeverOvercommitTheHost() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        NestedPveEngine a = engine(first);
        NestedPveEngine b = engine(second);
        asked = new CountDownLatch(4);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            threads.add(lifecycle(a, spec(first), failures));
            threads.add(lifecycle(b, spec(second), failures));
        }
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(3));
        }

        assertThat(failures).isEmpty();
        assertThat(most.get()).isLessThanOrEqualTo(2);
        assertThat(waited()).isEqualTo(2);
        assertThat(ticketPools()).isEmpty();
    }

    @Test
    void noRoomWithinCapacityTimeoutFailsNamingTheShortfallWithNothingCreated() {
        NestedPveEngine engine = engine(lab.installation);
        NestedCluster one = engine.provision(spec(lab.installation), lab.token(), null, listener("one"));
        NestedCluster two = engine.provision(spec(lab.installation), lab.token(), null, listener("two"));
        int vms = lab.guestVms().size();

        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class,
                () -> engine.provision(
                        lab.spec(1)
                                .smokeCheck(false)
                                .capacityTimeout(Duration.ofMillis(300))
                                .build(),
                        lab.token(),
                        null,
                        listener("three")));

        assertThat(e).hasRootCauseInstanceOf(NoRoomException.class);
        assertThat(e.getMessage())
                .contains("within capacityTimeout 300ms", "needs 2 GiB", "GiB short", "nothing was created");
        assertThat(lab.guestVms()).hasSize(vms);
        assertThat(ticketPools()).isEmpty();
        engine.teardown(one, lab.token(), ProgressListener.NOOP);
        engine.teardown(two, lab.token(), ProgressListener.NOOP);
    }

    @Test
    void cancellingWhileWaitingLeavesNoTicketAndCreatesNothing() throws Exception {
        NestedPveEngine engine = engine(lab.installation);
        NestedCluster one = engine.provision(spec(lab.installation), lab.token(), null, listener("one"));
        NestedCluster two = engine.provision(spec(lab.installation), lab.token(), null, listener("two"));
        int vms = lab.guestVms().size();
        CountDownLatch waiting = new CountDownLatch(1);
        Provisioning third = engine.start(spec(lab.installation), lab.token(), new ProgressListener() {
            @Override
            public void message(Level level, String text) {
                if (text.startsWith("waiting for room")) {
                    waiting.countDown();
                }
            }
        });
        assertThat(waiting.await(60, TimeUnit.SECONDS)).isTrue();

        third.cancel();
        ProvisioningException e = catchThrowableOfType(ProvisioningException.class, third::await);

        assertThat(e.cancelled()).as(String.valueOf(e)).isTrue();
        assertThat(ticketPools()).isEmpty();
        assertThat(lab.guestVms()).hasSize(vms);
        engine.teardown(one, lab.token(), ProgressListener.NOOP);
        engine.teardown(two, lab.token(), ProgressListener.NOOP);
    }
}
