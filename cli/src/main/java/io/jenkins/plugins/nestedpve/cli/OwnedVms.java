package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.teardown.OwnershipCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The VMs on the physical host's node whose ownership marker names this installation, read from
 * each VM's configuration, each with what {@link OwnershipCheck} makes of it (only a signed marker
 * verified for its VMID, inside the range, on a tagged VM is ours; the others are listed, never
 * destroyed).
 */
final class OwnedVms {
    /** One VM, its marker and what the marker proves. */
    record Owned(int vmid, String name, OwnershipMarker marker, OwnershipCheck.Trust trust) {
        /** A VM that is ours. */
        Owned(int vmid, String name, OwnershipMarker marker) {
            this(vmid, name, marker, OwnershipCheck.Trust.OURS);
        }
    }

    /**
     * @param foreign VMs examined that are not ours (templates excluded)
     */
    record Listing(List<Owned> owned, int foreign) {}

    private OwnedVms() {}

    static Listing list(PveClient pve, HostRef host, OwnershipCheck check) {
        List<Owned> owned = new ArrayList<>();
        int foreign = 0;
        for (VmResource v : pve.vmResources()) {
            if (!v.isQemu() || v.template() || !host.node().equals(v.node())) {
                continue;
            }
            Optional<OwnershipMarker> marker = marker(pve, v);
            OwnershipCheck.Trust trust = check.check(v.vmid(), marker, v.tags(), false);
            if (trust != OwnershipCheck.Trust.NO_MARKER && trust != OwnershipCheck.Trust.OTHER_INSTALLATION) {
                owned.add(new Owned(v.vmid(), v.name(), marker.get(), trust));
            } else {
                foreign++;
            }
        }
        return new Listing(List.copyOf(owned), foreign);
    }

    private static Optional<OwnershipMarker> marker(PveClient pve, VmResource v) {
        try {
            return OwnershipMarker.parse(
                    pve.vmConfig(v.node(), v.vmid()).description().orElse(null));
        } catch (PveNotFoundException e) {
            return Optional.empty(); // destroyed meanwhile
        }
    }
}
