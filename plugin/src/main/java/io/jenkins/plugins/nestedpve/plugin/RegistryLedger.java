package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.cluster.Ledger;
import io.jenkins.plugins.nestedpve.cluster.LedgerEntry;
import io.jenkins.plugins.nestedpve.cluster.LedgerException;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The core's {@link Ledger} on top of the {@link LeaseRegistry}: every guest the engine creates is recorded in
 * the lease file the moment its clone call returns, so this Jenkins' safety nets know it, and the engine's
 * teardown reads the VMIDs back from the file (also after a restart). The lease id is the engine's own, so the
 * registry, the guests' ownership markers and the reaper agree.
 *
 * <p>{@link #opening} makes "start a provisioning and open its lease" one step: records are held back until the
 * lease exists, so no guest is created before the file knows its lease. Thread-safe.
 */
public final class RegistryLedger implements Ledger {
    private final LeaseRegistry registry;
    private final Function<String, Optional<HostRef>> hosts;
    /** Guest node names by "lease/vmid", for the teardown's log lines; the file keeps VMIDs only. */
    private final Map<String, String> nodeNames = new ConcurrentHashMap<>();

    private final Set<String> destroyed = ConcurrentHashMap.newKeySet();

    /** @param hosts the configured host of a lease's host id, as the core refers to it */
    public RegistryLedger(LeaseRegistry registry, Function<String, Optional<HostRef>> hosts) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
    }

    /**
     * Runs {@code start} (which starts a provisioning and opens its lease) while no guest can be recorded.
     *
     * @throws Exception what {@code start} threw
     */
    public synchronized <T> T opening(Callable<T> start) throws Exception {
        return start.call();
    }

    /** Records a created guest in the lease file (durable when this returns); a destroyed one in memory. */
    @Override
    public synchronized void record(LedgerEntry entry) {
        String key = key(entry.lease(), entry.vmid());
        if (entry.state() == LedgerEntry.State.DESTROYED) {
            destroyed.add(key);
            return;
        }
        nodeNames.put(key, entry.node());
        destroyed.remove(key);
        if (registry.find(entry.lease()).isEmpty()) {
            throw new LedgerException("VM " + entry.vmid() + " belongs to lease " + entry.lease()
                    + ", which this Jenkins' lease registry does not know; open the lease before provisioning");
        }
        try {
            registry.recordVmid(entry.lease(), entry.vmid());
        } catch (UncheckedIOException e) {
            throw new LedgerException("cannot record VM " + entry.vmid() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every guest of every live lease whose host is still configured, as created; followed by a destroyed entry
     * for those this process saw destroyed.
     */
    @Override
    public List<LedgerEntry> entries() {
        List<LedgerEntry> out = new ArrayList<>();
        for (Lease lease : registry.live()) {
            Optional<HostRef> host = hosts.apply(lease.hostId());
            if (host.isEmpty()) {
                continue; // the host was removed from the configuration; the safety nets report the lease
            }
            for (int vmid : lease.vmids()) {
                String key = key(lease.id(), vmid);
                LedgerEntry created = LedgerEntry.created(
                        lease.id(),
                        lease.clusterName(),
                        host.get(),
                        vmid,
                        nodeNames.getOrDefault(key, "vm-" + vmid),
                        lease.updated());
                out.add(created);
                if (destroyed.contains(key)) {
                    out.add(created.destroyed(lease.updated()));
                }
            }
        }
        return out;
    }

    /** Drops what this process remembers of a released lease. */
    public void forget(String leaseId) {
        String prefix = leaseId + "/";
        nodeNames.keySet().removeIf(k -> k.startsWith(prefix));
        destroyed.removeIf(k -> k.startsWith(prefix));
    }

    @Override
    public void close() {
        // the registry's file is rewritten on every change; nothing to flush
    }

    private static String key(String lease, int vmid) {
        return lease + "/" + vmid;
    }

    @Override
    public String toString() {
        return "RegistryLedger[" + registry.live().size() + " live lease(s)]";
    }
}
