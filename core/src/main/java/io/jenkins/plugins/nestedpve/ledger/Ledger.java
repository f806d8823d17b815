package io.jenkins.plugins.nestedpve.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of every guest VM created, written the moment its clone call returns (before waiting
 * for the clone task), so that teardown and the reaper can always find it — also after a crash.
 * Implementations are thread-safe; closing twice is harmless.
 */
public interface Ledger extends AutoCloseable {
    /**
     * Appends {@code entry}; durable when this returns (for persistent implementations).
     *
     * @throws LedgerException when it cannot be stored
     */
    void record(LedgerEntry entry);

    /** Every entry, oldest first. */
    List<LedgerEntry> entries();

    /**
     * The VMs whose latest entry is {@link LedgerEntry.State#CREATED}: the ones that may still
     * exist, in the order they were created.
     */
    default List<LedgerEntry> live() {
        Map<String, LedgerEntry> latest = new LinkedHashMap<>();
        for (LedgerEntry e : entries()) {
            latest.remove(e.vmKey());
            latest.put(e.vmKey(), e);
        }
        return latest.values().stream()
                .filter(e -> e.state() == LedgerEntry.State.CREATED)
                .toList();
    }

    /** {@link #live()} of one lease. */
    default List<LedgerEntry> live(String lease) {
        return live().stream().filter(e -> e.lease().equals(lease)).toList();
    }

    @Override
    void close();
}
