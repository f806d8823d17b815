package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.ledger.Ledger;
import io.jenkins.plugins.nestedpve.ledger.LedgerEntry;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A ledger that, after recording the first entry of one state, holds the engine's thread there until the test
 * opens the gate (or forever: a controller that died at that moment). The entry is durable before it holds.
 */
final class GatedLedger implements Ledger {
    private final Ledger delegate;
    private final LedgerEntry.State on;
    private final AtomicBoolean first = new AtomicBoolean();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    volatile boolean interrupted;

    GatedLedger(Ledger delegate, LedgerEntry.State on) {
        this.delegate = delegate;
        this.on = on;
    }

    @Override
    public void record(LedgerEntry entry) {
        delegate.record(entry);
        if (entry.state() == on && first.compareAndSet(false, true)) {
            reached.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until an entry of the state was recorded and the engine's thread is held. */
    void awaitHeld() throws InterruptedException {
        if (!reached.await(ClusterFixture.WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("no " + on + " entry was recorded in time");
        }
    }

    void open() {
        gate.countDown();
    }

    @Override
    public List<LedgerEntry> entries() {
        return delegate.entries();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
