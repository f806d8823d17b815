package io.jenkins.plugins.nestedpve.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A ledger that lives as long as the process: for tests, the demo and one-shot CLI runs. */
public final class InMemoryLedger implements Ledger {
    private final List<LedgerEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(LedgerEntry entry) {
        entries.add(Objects.requireNonNull(entry, "entry"));
    }

    @Override
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() {
        // nothing held
    }
}
