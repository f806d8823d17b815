package io.jenkins.plugins.nestedpve.reap;

import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.ledger.Ledger;
import io.jenkins.plugins.nestedpve.ledger.LedgerEntry;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import io.jenkins.plugins.nestedpve.pve.VmConfig;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.teardown.OwnershipCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The VMs this installation's ledger recorded as created on a host that exist there but carry no marker
 * of this installation (removed or replaced by a hand, or another installation reusing the VMID). They
 * are never destroyed automatically; they must not pass silently either: each is listed with its node
 * and the command that removes it once a person has checked it is not needed.
 */
public final class UnmarkedVms {
    /**
     * @param vmid the VM
     * @param node the guest's node name the ledger recorded
     * @param hostNode the physical node it is on
     * @param why what its marker check found
     */
    public record Unmarked(int vmid, String node, String hostNode, String why) {
        /** The command that removes it, to run on {@code hostNode} by a person who checked it. */
        public String command() {
            return "qm stop " + vmid + " && qm destroy " + vmid + " --purge";
        }

        /** One line, e.g. {@code VM 80001 (np-x-n2) on node pve: no marker …; if it is not needed: qm …}. */
        public String describe() {
            return "VM " + vmid + " (" + node + ") on node " + hostNode + ": " + why + "; left untouched; if it is"
                    + " not needed: " + command();
        }
    }

    private UnmarkedVms() {}

    /** The ledger's live VMs on {@code hostRef} that exist there without this installation's marker. */
    public static List<Unmarked> find(Ledger ledger, PveClient host, HostRef hostRef, OwnershipCheck check) {
        List<Unmarked> out = new ArrayList<>();
        for (LedgerEntry e : ledger.live()) {
            if (!e.host().equals(hostRef.id())) {
                continue;
            }
            Optional<VmConfig> config = config(host, e.hostNode(), e.vmid());
            if (config.isEmpty()) {
                continue; // gone: nothing left
            }
            Optional<OwnershipMarker> marker =
                    OwnershipMarker.parse(config.get().description().orElse(null));
            OwnershipCheck.Trust trust =
                    check.check(e.vmid(), marker, config.get().tags(), false);
            if (trust == OwnershipCheck.Trust.NO_MARKER || trust == OwnershipCheck.Trust.OTHER_INSTALLATION) {
                out.add(new Unmarked(e.vmid(), e.node(), e.hostNode(), trust.reason()));
            }
        }
        return List.copyOf(out);
    }

    private static Optional<VmConfig> config(PveClient host, String node, int vmid) {
        try {
            return Optional.of(host.vmConfig(node, vmid));
        } catch (PveNotFoundException e) {
            return Optional.empty();
        }
    }
}
