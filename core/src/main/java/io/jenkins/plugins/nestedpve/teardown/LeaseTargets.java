package io.jenkins.plugins.nestedpve.teardown;

import io.jenkins.plugins.nestedpve.cluster.Ledger;
import io.jenkins.plugins.nestedpve.cluster.LedgerEntry;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The VMs of one lease: what the ledger recorded, plus VMs on the host whose marker names this
 * installation and lease (a clone whose answer never arrived, a ledger lost with its process).
 */
public final class LeaseTargets {
    private final Map<Integer, Teardown.Target> targets = new LinkedHashMap<>();
    private final String lease;

    public LeaseTargets(String lease) {
        this.lease = lease;
    }

    public LeaseTargets add(int vmid, String node) {
        targets.putIfAbsent(vmid, new Teardown.Target(vmid, node));
        return this;
    }

    public LeaseTargets fromLedger(Ledger ledger, String hostId) {
        for (LedgerEntry e : ledger.live(lease)) {
            if (e.host().equals(hostId)) {
                add(e.vmid(), e.node());
            }
        }
        return this;
    }

    /**
     * Reads the config of every candidate VM not known yet and adds those with this lease's marker.
     *
     * @param candidate which VMs are worth a config read (e.g. tagged or inside the VMID range)
     */
    public LeaseTargets sweep(PveClient host, UUID installation, Predicate<VmResource> candidate) {
        for (VmResource v : host.vmResources()) {
            if (!v.isQemu() || v.template() || targets.containsKey(v.vmid()) || !candidate.test(v)) {
                continue;
            }
            try {
                OwnershipMarker.parse(
                                host.vmConfig(v.node(), v.vmid()).description().orElse(null))
                        .filter(m -> m.isOwnedBy(installation) && m.lease().equals(lease))
                        .ifPresent(m -> add(v.vmid(), m.node()));
            } catch (PveNotFoundException gone) {
                // vanished meanwhile
            }
        }
        return this;
    }

    public List<Teardown.Target> list() {
        return List.copyOf(targets.values());
    }
}
