package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N 3-node clusters at once, from one engine (one process) on one simulated host: the host's own
 * contention applies (the engine's template lock serializes the clones of all clusters, the
 * storage lock, VMID allocation). Each cluster's ready time runs from the common start to its own
 * ready, on the simulated clock; then every cluster is torn down at once.
 */
final class BenchConcurrent {
    private static final int NODES = 3;

    private final CliContext ctx;
    private final double scale;
    private final PrintStream progress;

    BenchConcurrent(CliContext ctx, double scale, PrintStream progress) {
        this.ctx = ctx;
        this.scale = scale;
        this.progress = progress;
    }

    BenchResults.Concurrent run(int clusters) throws InterruptedException {
        Instant wallStart = ctx.clock().instant();
        try (Simulator sim = BenchSetup.simulator(scale);
                ResourceSampler sampler = ResourceSampler.start()) {
            UUID installation = UUID.randomUUID();
            HostCredentials host = DemoSetup.hostCredentials(sim);
            NestedPveEngine engine = new NestedPveEngine(BenchSetup.engineContext(sim, installation, ctx.clock()));
            Clock simulated = sim.simulatedClock();
            List<Provisioning> started = new ArrayList<>();
            Instant t0 = simulated.instant();
            for (int i = 0; i < clusters; i++) {
                ClusterSpec spec = DemoSetup.spec(sim, NODES, scale, installation, SpecFiles.defaultOwner(ctx));
                started.add(engine.start(spec, host, ProgressListener.NOOP));
            }
            List<Duration> ready = Collections.synchronizedList(new ArrayList<>());
            List<Duration> readyWall = Collections.synchronizedList(new ArrayList<>());
            List<String> errors = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clusters);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Provisioning p : started) {
                    done.add(pool.submit(() -> lifecycle(
                            engine, host, p, new Marks(simulated, t0, wallStart), ready, readyWall, errors, failures)));
                }
                for (Future<?> f : done) {
                    await(f);
                }
            } finally {
                pool.shutdownNow();
            }
            int leftovers = BenchLeftovers.settle(sim).size();
            List<Duration> sorted = new ArrayList<>(ready);
            Collections.sort(sorted);
            List<Duration> sortedWall = new ArrayList<>(readyWall);
            Collections.sort(sortedWall);
            return new BenchResults.Concurrent(
                    clusters,
                    failures.get(),
                    leftovers,
                    List.copyOf(sorted),
                    List.copyOf(sortedWall),
                    Duration.between(wallStart, ctx.clock().instant()),
                    sampler.peakClientThreads(),
                    sampler.peakHeapMiB(),
                    List.copyOf(errors));
        }
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private void lifecycle(
            NestedPveEngine engine,
            HostCredentials host,
            Provisioning p,
            Marks start,
            List<Duration> ready,
            List<Duration> readyWall,
            List<String> errors,
            AtomicInteger failures) {
        NestedCluster cluster;
        try {
            cluster = p.await();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            errors.add(e.getMessage());
            report("FAILED: " + e.getMessage());
            return;
        }
        Duration d = Duration.between(start.simulatedStart(), start.simulated().instant());
        ready.add(d);
        readyWall.add(Duration.between(start.wallStart(), ctx.clock().instant()));
        report(cluster.name() + " ready after " + BenchSizeRun.human(d) + " simulated (" + ready.size() + " ready)");
        TeardownReport down = engine.teardown(cluster, host, ProgressListener.NOOP);
        if (!down.errors().isEmpty()) {
            failures.incrementAndGet();
            errors.add(cluster.name() + " teardown: " + down.summary());
        }
    }

    /** Where the run started, on the simulated clock and on the wall clock. */
    private record Marks(Clock simulated, Instant simulatedStart, Instant wallStart) {}

    private void report(String line) {
        synchronized (progress) {
            progress.println("    " + line);
            progress.flush();
        }
    }

    private static void await(Future<?> f) throws InterruptedException {
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a bench cluster's thread failed", e.getCause());
        }
    }

    /** Samples the client's threads and the heap twice a second while a concurrent run goes on. */
    static final class ResourceSampler implements AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService timer;
        private volatile int peakThreads;
        private volatile long peakHeap;

        private ResourceSampler() {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-sampler");
                t.setDaemon(true);
                return t;
            });
        }

        static ResourceSampler start() {
            ResourceSampler s = new ResourceSampler();
            s.timer.scheduleAtFixedRate(s::sample, 0, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
            return s;
        }

        private void sample() {
            int client = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (isClient(t.getName())) {
                    client++;
                }
            }
            peakThreads = Math.max(peakThreads, client);
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            peakHeap = Math.max(peakHeap, heap);
        }

        /** Threads of the engine, its HTTPS clients and its SSH clients (not the simulator's). */
        static boolean isClient(String name) {
            return name.startsWith("nested-pve-")
                    || name.startsWith("pve-http-")
                    || name.startsWith("ssh-output")
                    || name.startsWith("sshj-");
        }

        int peakClientThreads() {
            return peakThreads;
        }

        long peakHeapMiB() {
            return peakHeap / (1024 * 1024);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
