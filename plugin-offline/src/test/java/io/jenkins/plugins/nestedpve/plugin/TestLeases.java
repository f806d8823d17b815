package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.ledger.FileLedger;
import io.jenkins.plugins.nestedpve.ledger.LeaseStore;
import io.jenkins.plugins.nestedpve.ledger.LedgerEntry;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Leases in the core's store as the plugin opens them, for the safety nets' tests. */
final class TestLeases {
    static final HostRef HOST = HostRef.of(
            "https://pve1.lab:8006",
            "pve1",
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");

    private TestLeases() {}

    /** The store in {@code home}'s ledger file. */
    static LeaseStore store(Path home, Clock clock) {
        return new LeaseStore(FileLedger.open(home.resolve("ledger.jsonl")), clock);
    }

    /** Opens a lease with a new id for {@code build} on host {@code hostId}. */
    static String open(LeaseStore store, String build, String hostId, String cluster) {
        String id = UUID.randomUUID().toString();
        store.open(id, cluster, LeaseTags.of(build, hostId));
        return id;
    }

    /** Records a guest of {@code lease}, as the engine does when its clone call returns. */
    static void recordVmid(LeaseStore store, String lease, int vmid) {
        String cluster = store.find(lease).orElseThrow().cluster();
        store.ledger().record(LedgerEntry.created(lease, cluster, HOST, vmid, "vm-" + vmid, Instant.EPOCH));
    }
}
