package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.PhaseRun;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.WaitTimeoutException;
import java.time.Clock;
import java.util.concurrent.CancellationException;

/**
 * Runs one phase for one node (or cluster-wide): reports start and end to the listener, checks
 * cancellation and the overall deadline before and after, and turns any failure into a {@link
 * ProvisioningException} naming the phase and the node.
 */
final class PhaseRunner {
    /** The work of a phase. */
    @FunctionalInterface
    interface Body<T> {
        T run() throws Exception;
    }

    private final ProgressListener listener;
    private final Clock clock;
    private final Cancellation cancellation;
    private final Deadline overall;

    PhaseRunner(ProgressListener listener, Clock clock, Cancellation cancellation, Deadline overall) {
        this.listener = listener;
        this.clock = clock;
        this.cancellation = cancellation;
        this.overall = overall;
    }

    ProgressListener listener() {
        return listener;
    }

    /**
     * Runs {@code body} as {@code phase} of {@code node} (null: cluster-wide). After the body, a
     * pending interrupt or cancellation fails the phase, so that no phase reports success while the
     * provisioning is being stopped.
     *
     * @throws ProvisioningException when the body fails, the provisioning was cancelled or the
     *     overall deadline has passed; an interrupt stays flagged on the thread
     */
    <T> T run(Phase phase, String node, Body<T> body) {
        try (PhaseRun run = PhaseRun.start(listener, clock, phase, node)) {
            try {
                before();
                T value = body.run();
                cancellation.check();
                run.succeeded();
                return value;
            } catch (ProvisioningException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.cancelled();
                throw new ProvisioningException(phase, node, e);
            } catch (Exception e) {
                boolean stopping = Thread.currentThread().isInterrupted() || cancellation.cancelled();
                if (!ProvisioningException.isCancellation(e) && stopping) {
                    // the failure is how a library reacted to the interrupt (e.g. a closed channel)
                    CancellationException stop = new CancellationException("interrupted: " + e.getMessage());
                    stop.initCause(e);
                    run.cancelled();
                    throw new ProvisioningException(phase, node, stop);
                }
                if (ProvisioningException.isCancellation(e)) {
                    run.cancelled();
                }
                throw new ProvisioningException(phase, node, e);
            }
        }
    }

    /** As {@link #run} for work without a result. */
    void run(Phase phase, String node, ThrowingRunnable body) {
        run(phase, node, () -> {
            body.run();
            return null;
        });
    }

    /** Reports {@code phase} of {@code node} as not needed. */
    void skip(Phase phase, String node) {
        try (PhaseRun run = PhaseRun.start(listener, clock, phase, node)) {
            run.skipped();
        }
    }

    /**
     * Before the body: a requested cancellation stops here; an interrupt is left to the body's
     * first blocking call, so that it surfaces inside the phase it arrived in.
     */
    private void before() {
        if (cancellation.cancelled()) {
            throw new CancellationException("cancel() was called");
        }
        if (overall.expired()) {
            throw new WaitTimeoutException("the overall provisioning time (timeouts.overall) ran out at "
                    + overall.instant() + " — raise timeouts.overall or look at the slowest phase in the timeline");
        }
    }

    /** Work without a result. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
