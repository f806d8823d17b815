package io.jenkins.plugins.nestedpve.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** A ledger that lives as long as the process: for tests, the demo and one-shot CLI runs. */
public final class InMemoryLedger implements LeaseLedger {
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final List<Lease> leases = new ArrayList<>();

    @Override
    public synchronized void record(LedgerEntry entry) {
        entries.add(Objects.requireNonNull(entry, "entry"));
    }

    @Override
    public synchronized void record(Lease lease) {
        leases.add(Objects.requireNonNull(lease, "lease").withVmids(List.of()));
    }

    @Override
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized List<Lease> leaseRecords() {
        return List.copyOf(leases);
    }

    @Override
    public synchronized void compact(Predicate<Lease> keep) {
        List<LedgerEntry> live = live();
        Map<String, Lease> latest = new LinkedHashMap<>();
        leases.forEach(l -> latest.put(l.id(), l));
        entries.clear();
        entries.addAll(live);
        leases.clear();
        latest.values().stream().filter(keep).forEach(leases::add);
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String toString() {
        return "the in-memory ledger";
    }
}
