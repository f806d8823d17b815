package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.Ledger;
import io.jenkins.plugins.nestedpve.cluster.LedgerEntry;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A ledger whose writes no interrupt can break. A {@link java.nio.channels.FileChannel} is closed
 * for good when the thread using it is interrupted, and cancelling a provisioning interrupts its
 * threads — possibly just as a clone's answer is being recorded. So every write runs on a thread of
 * its own that nobody interrupts, and the caller waits for it to end (restoring its interrupt flag
 * afterwards): the entry is on disk before the cancellation is honoured. Closing closes the
 * delegate; twice is harmless.
 */
final class UninterruptibleLedger implements Ledger {
    private final Ledger delegate;
    private final ExecutorService writer;

    UninterruptibleLedger(Ledger delegate) {
        this.delegate = delegate;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nestedpve-ledger");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void record(LedgerEntry entry) {
        call(() -> {
            delegate.record(entry);
            return null;
        });
    }

    @Override
    public List<LedgerEntry> entries() {
        return call(delegate::entries);
    }

    @Override
    public void close() {
        try {
            writer.shutdown();
        } finally {
            delegate.close();
        }
    }

    private <T> T call(java.util.concurrent.Callable<T> work) {
        Future<T> f = writer.submit(work);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the entry must be written first
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
