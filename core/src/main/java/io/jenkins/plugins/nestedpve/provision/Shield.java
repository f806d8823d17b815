package io.jenkins.plugins.nestedpve.provision;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs a non-idempotent request (a clone POST) on a helper thread that no cancellation interrupts,
 * and waits for its answer even when the calling thread is interrupted. Without it an interrupt
 * could abort the request after PVE received it, and the VM it creates would be known to nobody;
 * with it the answer always arrives and is recorded before the interrupt is honoured (the flag is
 * set again afterwards).
 */
final class Shield {
    private final ExecutorService helpers;

    Shield(ExecutorService helpers) {
        this.helpers = helpers;
    }

    /**
     * Runs {@code call} on a helper thread and returns its result; the caller's interrupt is
     * deferred until the call has ended.
     *
     * @throws RuntimeException whatever {@code call} threw (checked exceptions wrapped)
     */
    <T> T call(Callable<T> call) {
        Future<T> f = helpers.submit(call);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: the answer must be recorded first
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException r) {
                        throw r;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
