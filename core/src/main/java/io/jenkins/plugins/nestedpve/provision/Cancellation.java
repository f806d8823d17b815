package io.jenkins.plugins.nestedpve.provision;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancel switch of one provisioning. {@link #cancel()} sets the flag and interrupts the threads
 * doing the work; once cleanup has begun it interrupts nothing more, so teardown always finishes.
 * Thread-safe.
 */
final class Cancellation {
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;
    private volatile boolean cleaningUp;

    /** Registers the calling thread as doing work that {@link #cancel()} interrupts. */
    void enter() {
        workers.add(Thread.currentThread());
        if (cancelled && !cleaningUp) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unregisters the calling thread. */
    void leave() {
        workers.remove(Thread.currentThread());
    }

    /** Requests cancellation: sets the flag and interrupts the working threads (not during cleanup). */
    synchronized void cancel() {
        cancelled = true;
        if (!cleaningUp) {
            workers.forEach(Thread::interrupt);
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    /** From now on, cancelling interrupts nobody: cleanup must run to its end. */
    synchronized void beginCleanup() {
        cleaningUp = true;
    }

    /**
     * Throws when cancellation was requested or the calling thread is interrupted (the flag stays
     * set for the caller's cleanup to see).
     */
    void check() {
        if (cancelled) {
            throw new CancellationException("cancel() was called");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the thread was interrupted");
        }
    }
}
