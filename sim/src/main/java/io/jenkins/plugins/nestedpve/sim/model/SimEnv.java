package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.schema.ApiSchema;
import io.jenkins.plugins.nestedpve.sim.FaultPlan;
import io.jenkins.plugins.nestedpve.sim.LatencyProfile;
import io.jenkins.plugins.nestedpve.sim.tls.RsaKeys;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every simulated machine of one simulator shares: the scheduler that runs timed events, the
 * clock, the latency profile, the fault plan, the simulated LAN and the API schemas.
 */
public final class SimEnv implements AutoCloseable {
    private final ScheduledThreadPoolExecutor scheduler;
    private final java.util.concurrent.ExecutorService workers;
    private final Clock clock;
    private final LatencyProfile latency;
    private final FaultPlan faults;
    private final Lan lan;
    private final Path requestLog;
    private final InjectedLatency injected;
    private final ExecCounter execs = new ExecCounter();
    private volatile NodeServers.Factory serversFactory = m -> {
        throw new IllegalStateException("no server factory configured");
    };
    private final Random random = new Random(new SecureRandom().nextLong());
    private final Map<String, CompletableFuture<Optional<ApiSchema>>> schemas = new ConcurrentHashMap<>();
    // key generation dominates node start-up; certificates from a reused key still differ
    private final RsaKeys keys = RsaKeys.pooled(1);

    public SimEnv(Clock clock, LatencyProfile latency, FaultPlan faults, Lan lan, Path requestLog) {
        AtomicInteger n = new AtomicInteger();
        this.scheduler = new ScheduledThreadPoolExecutor(4, r -> {
            Thread t = new Thread(r, "pve-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        AtomicInteger w = new AtomicInteger();
        this.workers = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pve-sim-worker-" + w.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.clock = clock;
        this.latency = latency;
        this.faults = faults;
        this.lan = lan;
        this.requestLog = requestLog;
        this.injected = new InjectedLatency(latency.scale(), System::nanoTime);
    }

    /** The latency injected so far, as simulated time (what the run would take on real hardware). */
    public InjectedLatency injected() {
        return injected;
    }

    /** The SSH exec requests every machine answered. */
    public ExecCounter execs() {
        return execs;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Threads for work that may block for long (programs run by the guest agent). */
    public java.util.concurrent.ExecutorService workers() {
        return workers;
    }

    public Clock clock() {
        return clock;
    }

    public LatencyProfile latency() {
        return latency;
    }

    public FaultPlan faults() {
        return faults;
    }

    public Lan lan() {
        return lan;
    }

    /** Where the API servers append their JSON-lines request log, or {@code null}. */
    public Path requestLog() {
        return requestLog;
    }

    /** Creates the API and SSH servers of every machine. */
    public NodeServers.Factory serversFactory() {
        return serversFactory;
    }

    public void setServersFactory(NodeServers.Factory f) {
        this.serversFactory = f;
    }

    private volatile ShellRunner shellRunner = (m, argv, in) -> new ShellRunner.Result(127, "", "no shell\n");

    /** Runs programs inside machines (guest agent exec). */
    public ShellRunner shellRunner() {
        return shellRunner;
    }

    public void setShellRunner(ShellRunner r) {
        this.shellRunner = r;
    }

    /** RSA keys for certificates. */
    public RsaKeys keys() {
        return keys;
    }

    public Random random() {
        return random;
    }

    /** The official schema of a PVE release ("9.1", "8.4"), loaded once; empty for a release whose schema is not bundled. */
    public Optional<ApiSchema> schema(String release) {
        return preloadSchema(release).join();
    }

    /** Starts loading a schema in the background (parsing takes a while); returns its future. */
    public CompletableFuture<Optional<ApiSchema>> preloadSchema(String release) {
        // parsed on its own thread: scheduler threads that boot machines wait for it
        return schemas.computeIfAbsent(
                release,
                r -> CompletableFuture.supplyAsync(() -> ApiSchema.load(r), job -> {
                    Thread t = new Thread(job, "pve-sim-schema-" + r);
                    t.setDaemon(true);
                    t.start();
                }));
    }

    /** A future completing after {@code step}'s scaled duration. */
    public CompletableFuture<Void> after(LatencyProfile.Step step) {
        return afterReal(latency.of(step));
    }

    /** A future completing after {@code real} (already scaled) time. */
    public CompletableFuture<Void> afterReal(Duration real) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        injected.begin();
        scheduler.schedule(
                () -> {
                    injected.end();
                    f.complete(null);
                },
                Math.max(0, real.toNanos()),
                TimeUnit.NANOSECONDS);
        return f;
    }

    /** Runs {@code action} on the scheduler after {@code step}'s scaled duration. */
    public void schedule(LatencyProfile.Step step, Runnable action) {
        injected.begin();
        scheduler.schedule(
                () -> {
                    injected.end();
                    action.run();
                },
                Math.max(0, latency.of(step).toNanos()),
                TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
