package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.spec.DurationText;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What happens when the process is asked to stop (SIGTERM, Ctrl-C) while a command holds a cluster:
 * the provisioning is cancelled (the engine then destroys what it created), the user's command is
 * ended, and the stop waits, bounded, for the command's own teardown to finish before the JVM exits.
 * Close it when the command is done; closing twice is harmless.
 */
final class StopHandler implements AutoCloseable {
    private final PrintStream err;
    private final Duration bound;
    private final CountDownLatch done = new CountDownLatch(1);
    private final ShutdownHooks.Registration registration;
    private volatile boolean stopRequested;
    private volatile Provisioning provisioning;
    private volatile Process child;

    /**
     * @param bound how long a stop waits for teardown before the process exits anyway
     */
    StopHandler(CliContext ctx, Duration bound) {
        this.err = ctx.err();
        this.bound = bound;
        this.registration = ctx.hooks().register(this::stop);
    }

    /** The provisioning to cancel on a stop. */
    void watch(Provisioning p) {
        provisioning = p;
        if (stopRequested) {
            p.cancel();
        }
    }

    /** The user's command to end on a stop. */
    void watch(Process p) {
        child = p;
        if (stopRequested) {
            ChildCommand.end(p);
        }
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** Prints {@code message} at once (while stopping, the process may exit before a later line). */
    void report(String message) {
        err.println("nestedpve: " + message);
        err.flush();
    }

    /** The shutdown hook: cancel, end the command, wait for teardown. */
    void stop() {
        stopRequested = true;
        err.println("nestedpve: stop requested — cancelling and tearing down (waiting up to "
                + DurationText.format(bound) + ")");
        err.flush();
        Provisioning p = provisioning;
        if (p != null) {
            p.cancel();
        }
        Process c = child;
        if (c != null) {
            ChildCommand.end(c);
        }
        try {
            if (!done.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                err.println("nestedpve: teardown did not finish within " + DurationText.format(bound)
                        + " — run 'nestedpve reap' to remove what is left");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command is done (teardown included): a pending stop may let the process exit. */
    @Override
    public void close() {
        done.countDown();
        registration.close();
    }
}
