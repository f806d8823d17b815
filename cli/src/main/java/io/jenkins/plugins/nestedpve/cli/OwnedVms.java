package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.HostRef;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The VMs on the physical host's node that carry this installation's ownership marker, read from
 * each VM's configuration (the marker is the only proof of ownership; tags alone are not).
 */
final class OwnedVms {
    /** One VM and its marker. */
    record Owned(int vmid, String name, OwnershipMarker marker) {}

    /**
     * @param foreign VMs examined that are not ours (templates excluded)
     */
    record Listing(List<Owned> owned, int foreign) {}

    private OwnedVms() {}

    static Listing list(PveClient pve, HostRef host, UUID installation) {
        List<Owned> owned = new ArrayList<>();
        int foreign = 0;
        for (VmResource v : pve.vmResources()) {
            if (!v.isQemu() || v.template() || !host.node().equals(v.node())) {
                continue;
            }
            Optional<OwnershipMarker> marker = marker(pve, v);
            if (marker.isPresent() && marker.get().isOwnedBy(installation)) {
                owned.add(new Owned(v.vmid(), v.name(), marker.get()));
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
