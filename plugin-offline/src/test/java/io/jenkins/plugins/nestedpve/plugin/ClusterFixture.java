package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.nestedpve.install.LeaseFileUpgrade;
import io.jenkins.plugins.nestedpve.ledger.Ledger;
import io.jenkins.plugins.nestedpve.lifecycle.PveClientFactory;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A simulated PVE host configured as host {@code lab}, with its credentials, a lease file and the plugin's
 * services wired to it as Jenkins wires them (the installation in {@code <home>/nested-pve}); the engine polls with millisecond backoffs and the simulator's
 * latencies are scaled down, so a cluster comes up in well under a second. {@link #restart()} makes new services
 * on the same lease file, as a restarted controller does.
 */
final class ClusterFixture implements AutoCloseable {
    static final Backoff FAST = new Backoff(Duration.ofMillis(5), 2.0, Duration.ofMillis(50));
    static final RetryPolicy FAST_RETRY =
            new RetryPolicy(5, new Backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(100)));
    static final SshTimeouts SSH = new SshTimeouts(
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            3,
            Duration.ofSeconds(15),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            new Backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(200)));
    /** Bound of every wait for an outcome in the tests: generous, nothing comes near it. */
    static final int WAIT_SECONDS = 120;

    private static final AtomicInteger BUILDS = new AtomicInteger();

    final Simulator sim;
    final Path home;
    final TestSecrets secrets = new TestSecrets();
    final FakeCredentials store = new FakeCredentials();
    final PveHostConfig host;
    final Set<String> running = ConcurrentHashMap.newKeySet();
    final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test background");
        t.setDaemon(true);
        return t;
    });
    volatile ClusterServices services;
    /** This installation's marker key: the same after a restart, as the plugin keeps it in JENKINS_HOME. */
    final io.jenkins.plugins.nestedpve.cluster.MarkerKey markerKey =
            io.jenkins.plugins.nestedpve.cluster.MarkerKey.generate();

    ClusterFixture(Path home) {
        this.home = home;
        this.sim =
                Simulator.builder().latencyScale(0.002).vmidRange(80000, 80999).start();
        store.add(new FakeCredentials.Text("pve-token", secrets.secret(sim.tokenId() + "=" + sim.tokenSecret())));
        this.host = new PveHostConfig("lab");
        host.setApiUrl(sim.apiUrl());
        host.setNode(sim.hostNode());
        host.setFingerprint(sim.fingerprint());
        host.setTokenCredentialsId("pve-token");
        host.setTemplate(Integer.toString(sim.template().vmid()));
        host.setVmidRangeStart(80000);
        host.setVmidRangeEnd(80999);
        host.setGuestSshPort(sim.guestSshPort());
        host.setGuestApiPort(sim.apiPort());
        host.setNesting(PveHostConfig.Nesting.REQUIRE);
        this.services = newServices(UnaryOperator.identity());
    }

    /** New services on the same lease file, as after a controller restart; the old ones stay as they are. */
    ClusterServices restart() {
        services = newServices(UnaryOperator.identity());
        return services;
    }

    /** Services whose engine is held at the first ledger entry of {@code state} (from now on). */
    GatedLedger gateAt(io.jenkins.plugins.nestedpve.ledger.LedgerEntry.State state) {
        GatedLedger[] gate = new GatedLedger[1];
        services = newServices(l -> gate[0] = new GatedLedger(l, state));
        return gate[0];
    }

    ClusterServices newServices(UnaryOperator<Ledger> ledger) {
        Clock clock = Clock.systemUTC();
        return ClusterServices.builder(
                        ClusterServices.openHome(home.resolve(LeaseFileUpgrade.DIRECTORY), hosts(), clock, s -> {}),
                        hosts())
                .engine(b -> b.pveClients(PveClientFactory.standard(clock, Sleeper.SYSTEM, FAST_RETRY, FAST))
                        .ssh(new SshConnector(SSH, clock, Sleeper.SYSTEM))
                        .poll(FAST))
                .ledgerDecorator(ledger)
                .credentials(new CredentialsAccess(store, secrets))
                .secrets(new ClusterSecrets(secrets::secret, secrets))
                .contexts(TestContexts.merging())
                .background(pool)
                .liveness(running::contains)
                .clock(clock)
                .owner("Jenkins test")
                .reapMinAge(Duration.ZERO)
                .markerKey(markerKey)
                .build();
    }

    HostDirectory hosts() {
        return new HostDirectory() {
            @Override
            public Optional<PveHostConfig> host(String id) {
                return host.getId().equals(id) ? Optional.of(host) : Optional.empty();
            }

            @Override
            public List<PveHostConfig> all() {
                return List.of(host);
            }

            @Override
            public int maxNodesPerCluster() {
                return 5;
            }

            @Override
            public int maxConcurrentClusters() {
                return 4;
            }
        };
    }

    /** A one-node step on {@code lab} without the smoke check (the tests are about the Jenkins side). */
    NestedPveClusterStep step(int nodes) {
        NestedPveClusterStep step = new NestedPveClusterStep("lab");
        step.setNodes(nodes);
        step.setMemoryMiB(2048);
        step.setSmokeCheck(false);
        return step;
    }

    /** A build of a new job. */
    FakeRun newRun() throws IOException {
        String id = "job-" + BUILDS.incrementAndGet() + "#1";
        Path dir = Files.createDirectories(home.resolve("builds").resolve(id.replace('#', '_')));
        running.add(id);
        return new FakeRun(id, dir);
    }

    /** A started step. */
    record Started(
            ClusterStepExecution execution, FakeStepContext context, FakeListener log, FakeRun run, TestBackground bg) {
        FakeBodyInvoker body() {
            return context.bodies.get(0);
        }
    }

    Started start(NestedPveClusterStep step, FakeStepContext.Body body) throws Exception {
        return start(step, new FakeStepContext(newRun(), new FakeListener(), body));
    }

    /** Starts {@code step} in {@code ctx}, a context of {@link #newRun()} (e.g. with enclosing contexts). */
    Started start(NestedPveClusterStep step, FakeStepContext ctx) throws Exception {
        FakeRun run = (FakeRun) ctx.get(Run.class);
        FakeListener log = (FakeListener) ctx.get(TaskListener.class);
        ClusterStepExecution exec = new ClusterStepExecution(step, ctx);
        TestBackground bg = new TestBackground(pool, ctx);
        exec.attach(services, bg);
        exec.start();
        return new Started(exec, ctx, log, run, bg);
    }

    /**
     * Waits (on the simulator's scheduler) until the host shows {@code count} guests: a clone recorded the moment
     * its call returned is written by its task a moment later, as in PVE.
     */
    void awaitGuests(int count) throws InterruptedException {
        sim.await(() -> guests().size() == count, Duration.ofSeconds(WAIT_SECONDS), count + " guest(s) on the host");
    }

    /** The VMs on the host other than templates. */
    List<SimVm> guests() {
        return sim.vms().stream().filter(v -> !v.isTemplate()).toList();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        sim.close();
    }
}
