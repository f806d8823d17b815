package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.events.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs the per-guest phases (clone, boot, reach, identify) for every guest in parallel, one thread
 * each, and gives the results in the spec's node order. The first failure stops the others
 * (their threads are interrupted) and is the one reported; a cancellation of the orchestrator does
 * the same. This returns or throws only after every guest thread has ended, so that cleanup never
 * races a clone still being sent.
 */
final class ParallelGuests {
    /** How long to wait for interrupted guest threads beyond the command timeout. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final RunContext run;
    private final Duration commandTimeout;

    /** @param commandTimeout the spec's command timeout (how long a stopped guest thread may take) */
    ParallelGuests(RunContext run, Duration commandTimeout) {
        this.run = run;
        this.commandTimeout = commandTimeout;
    }

    /** Builds every slot with {@code build} on its own thread; the first failure stops the others. */
    List<IdentifiedGuest> buildAll(List<GuestSlot> slots, Function<GuestSlot, IdentifiedGuest> build) {
        ExecutorService pool =
                Executors.newFixedThreadPool(slots.size(), run.ctx().threads());
        CompletionService<IdentifiedGuest> done = new ExecutorCompletionService<>(pool);
        List<Future<IdentifiedGuest>> futures = new ArrayList<>();
        for (GuestSlot slot : slots) {
            futures.add(done.submit(() -> build.apply(slot)));
        }
        RuntimeException first = null;
        try {
            for (int i = 0; i < futures.size() && first == null; i++) {
                first = failureOf(done.take());
            }
            if (first != null && futures.stream().anyMatch(f -> !f.isDone())) {
                run.warn(failedGuest(first) + ": stopping the other guests (their phases end as cancelled)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // cancelled: the guests' own failures name their phases
        } finally {
            pool.shutdownNow();
            awaitEnd(pool);
        }
        if (first == null) {
            first = firstFailure(futures);
        }
        if (first != null) {
            throw first;
        }
        return futures.stream().map(ParallelGuests::result).toList();
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

    private static RuntimeException failureOf(Future<IdentifiedGuest> f) throws InterruptedException {
        try {
            f.get();
            return null;
        } catch (ExecutionException e) {
            return asRuntime(e.getCause());
        }
    }

    /** After a cancellation: the first guest failure in node order, or a cancellation of phase 2. */
    private RuntimeException firstFailure(List<Future<IdentifiedGuest>> futures) {
        for (Future<IdentifiedGuest> f : futures) {
            if (f.isDone() && !f.isCancelled()) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    return asRuntime(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (Thread.currentThread().isInterrupted() || run.cancellation().cancelled()) {
            return new ProvisioningException(
                    Phase.CLONE, null, new InterruptedException("cancelled while the" + " guests were being built"));
        }
        return null;
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

    /** Waits for the guest threads to end, also when interrupted again (the flag is kept). */
    private void awaitEnd(ExecutorService pool) {
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
