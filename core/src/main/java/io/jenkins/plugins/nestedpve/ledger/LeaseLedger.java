package io.jenkins.plugins.nestedpve.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A {@link Ledger} that also keeps the leases owning its VMs, in the same store: what the {@link LeaseStore}
 * works on. Implementations are thread-safe.
 */
public interface LeaseLedger extends Ledger {
    /**
     * Appends a snapshot of {@code lease} (its {@link Lease#vmids()} are not stored: the VM entries are); durable
     * when this returns (for persistent implementations).
     *
     * @throws LedgerException when it cannot be stored
     */
    void record(Lease lease);

    /** Every lease snapshot, oldest first. */
    List<Lease> leaseRecords();

    /**
     * Keeps only the {@link #live()} VM entries and the latest snapshot of each lease that {@code keep} accepts.
     */
    void compact(Predicate<Lease> keep);

    /** The latest snapshot of every lease, in the order they were opened, each with its live VMIDs. */
    default List<Lease> leases() {
        Map<String, Lease> latest = new LinkedHashMap<>();
        for (Lease l : leaseRecords()) {
            latest.put(l.id(), l);
        }
        Map<String, List<Integer>> vmids = new LinkedHashMap<>();
        for (LedgerEntry e : live()) {
            vmids.computeIfAbsent(e.lease(), k -> new ArrayList<>()).add(e.vmid());
        }
        return latest.values().stream()
                .map(l -> l.withVmids(vmids.getOrDefault(l.id(), List.of())))
                .toList();
    }
}
