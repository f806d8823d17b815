package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.events.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Runs one step: times it, tells the listener, turns its end into a {@link StepResult}. */
final class StepRunner {
    /** The work of a step; returns SUCCEEDED or SKIPPED, throws {@link StepFailure} when it failed. */
    @FunctionalInterface
    interface Body {
        Outcome run(StepLog log) throws InterruptedException;
    }

    private final Clock clock;
    private final UpgradeListener listener;
    private volatile Runnable boundary = () -> {};

    StepRunner(Clock clock, UpgradeListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /** Runs {@code r} at the start and end of every step (the workload watcher takes a look then). */
    void onBoundary(Runnable r) {
        boundary = r;
    }

    /**
     * Runs {@code body} as {@code step} of {@code node}. A failure is a result; an interrupt is
     * recorded as a failed step and then rethrown.
     */
    StepResult run(String node, UpgradeStep step, Body body, java.util.function.Consumer<StepResult> record)
            throws InterruptedException {
        boundary.run();
        Instant start = clock.instant();
        listener.stepStarted(node, step);
        StepLog log = new StepLog(node, listener);
        Outcome outcome;
        String failure = null;
        try {
            outcome = body.run(log);
        } catch (InterruptedException e) {
            record.accept(end(node, step, start, Outcome.FAILED, log, "aborted during " + step.label()));
            throw e;
        } catch (StepFailure e) {
            outcome = Outcome.FAILED;
            failure = e.getMessage();
        } catch (NestedPveException | IllegalArgumentException | IllegalStateException e) {
            outcome = Outcome.FAILED;
            failure = step.label() + " on " + (node == null ? "the cluster" : node) + " failed: " + e.getMessage();
        }
        StepResult r = end(node, step, start, outcome, log, failure);
        record.accept(r);
        return r;
    }

    private StepResult end(String node, UpgradeStep step, Instant start, Outcome outcome, StepLog log, String failure) {
        Duration d = Duration.between(start, clock.instant());
        boundary.run();
        listener.stepFinished(node, step, d, outcome);
        return new StepResult(node, step, start, d, outcome, log.tail(), failure);
    }

    /** A result for a step that was not run at all. */
    StepResult skipped(String node, UpgradeStep step, String why) {
        listener.stepFinished(node, step, Duration.ZERO, Outcome.SKIPPED);
        return new StepResult(node, step, clock.instant(), Duration.ZERO, Outcome.SKIPPED, why, null);
    }
}
