package io.jenkins.plugins.nestedpve.ssh;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Best-effort waits of giving up on a command: bounded, never throwing, and usable on an interrupted thread (the
 * interrupt is cleared for the wait and kept afterwards), since giving up after an interrupt is when they are needed.
 */
final class BoundedWait {
    private BoundedWait() {}

    /** Waits up to {@code millis} for {@code work}; its failure or a timeout is ignored. */
    static void get(Future<?> work, long millis) {
        boolean interrupted = Thread.interrupted();
        try {
            work.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // best effort
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits up to {@code millis} for {@code latch} to open. */
    static void await(CountDownLatch latch, long millis) {
        boolean interrupted = Thread.interrupted();
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
