package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.events.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs the per-guest phases (clone, boot, reach, identify) of every guest in parallel, one thread
 * each, and hands each guest on as soon as it is identified ({@link #next}), in the order they become
 * ready, so that the cluster phase can create and join while the others still boot. A guest can be
 * built again ({@link #submit} of the same slot: a replacement). The first failure of a guest stops the
 * others (their threads are interrupted) and is the one reported; a cancellation of the orchestrator
 * does the same. {@link #close} returns only after every guest thread has ended, so that cleanup never
 * races a clone still being sent.
 */
final class ParallelGuests implements AutoCloseable {
    /** How long to wait for interrupted guest threads beyond the command timeout. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    /** One guest thread's end: its slot and its future (done). */
    private record Ended(GuestSlot slot, Future<IdentifiedGuest> future) {}

    private final RunContext run;
    private final Duration commandTimeout;
    private final ExecutorService pool;
    private final BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();
    private final List<Ended> submitted = new ArrayList<>();
    private boolean closed;

    /**
     * @param commandTimeout the spec's command timeout (how long a stopped guest thread may take)
     * @param threads how many guests are built at once at most (the node count)
     */
    ParallelGuests(RunContext run, Duration commandTimeout, int threads) {
        this.run = run;
        this.commandTimeout = commandTimeout;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), run.ctx().threads());
    }

    /** Builds {@code slot} with {@code build} on its own thread. */
    synchronized void submit(GuestSlot slot, Function<GuestSlot, IdentifiedGuest> build) {
        FutureTask<IdentifiedGuest> task = new FutureTask<>(() -> build.apply(slot)) {
            @Override
            protected void done() {
                ended.add(new Ended(slot, this));
            }
        };
        submitted.add(new Ended(slot, task));
        pool.execute(task);
    }

    /**
     * The next guest identified, in the order they become ready. Throws the first guest failure (the
     * other guests are stopped first); when the calling thread is interrupted, stops the guests and
     * throws the first failure among them, or a cancellation of the clone phase.
     */
    IdentifiedGuest next() {
        Ended e;
        try {
            e = ended.take();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt(); // cancelled: the guests' own failures name their phases
            close();
            RuntimeException first = firstFailure();
            throw first != null
                    ? first
                    : new ProvisioningException(
                            Phase.CLONE, null, new InterruptedException("cancelled while the guests were being built"));
        }
        RuntimeException failure = failureOf(e.future());
        if (failure == null) {
            return result(e.future());
        }
        if (running()) {
            run.warn(failedGuest(failure) + ": stopping the other guests (their phases end as cancelled)");
        }
        close();
        throw failure;
    }

    private synchronized boolean running() {
        return submitted.stream().anyMatch(s -> !s.future().isDone());
    }

    /** The result of a guest thread that ended well. */
    private static IdentifiedGuest result(Future<IdentifiedGuest> f) {
        try {
            return f.get();
        } catch (ExecutionException | InterruptedException e) {
            throw new IllegalStateException("a guest ended without its result", e);
        }
    }

    /** "np-x-n1 failed in clone", as far as the failure tells. */
    private static String failedGuest(RuntimeException e) {
        if (e instanceof ProvisioningException p) {
            return p.node().orElse("a guest") + " failed in " + p.phase().label();
        }
        return "a guest failed";
    }

    private static RuntimeException failureOf(Future<IdentifiedGuest> f) {
        if (f.isCancelled()) {
            return null;
        }
        try {
            f.get();
            return null;
        } catch (ExecutionException e) {
            return asRuntime(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** After a cancellation: the first guest failure in node order. */
    private synchronized RuntimeException firstFailure() {
        return submitted.stream()
                .sorted(Comparator.comparingInt(s -> s.slot().index()))
                .filter(s -> s.future().isDone())
                .map(s -> failureOf(s.future()))
                .filter(f -> f != null)
                .findFirst()
                .orElse(null);
    }

    private static RuntimeException asRuntime(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** Stops the guest threads still running and waits for them to end (also when interrupted). */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        pool.shutdownNow();
        awaitEnd();
    }

    /** Waits for the guest threads to end, also when interrupted again (the flag is kept). */
    private void awaitEnd() {
        long limit = commandTimeout.plus(STOP_GRACE).toMillis();
        boolean interrupted = false;
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limit);
        while (true) {
            try {
                long left = until - System.nanoTime();
                if (pool.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS) || left <= 0) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (!pool.isTerminated()) {
            run.warn("a guest thread did not stop within " + limit + " ms after the provisioning was stopped;"
                    + " cleanup goes on without it");
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
