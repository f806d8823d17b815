package io.jenkins.plugins.nestedpve.provision;

import java.util.List;

/**
 * After the cluster phase (CLUSTER_CREATE, JOIN per node, QUORUM): with {@code clustered}, the PVE
 * cluster exists on the first guest, every other guest joined it one at a time, it is quorate with
 * every node online, and each node's API is pinned to the certificate it serves after its join; a
 * standalone guest is passed on as identified.
 *
 * @param guests every guest in the spec's node order; the first is the one the cluster was created on
 */
record ClusteredGuests(List<IdentifiedGuest> guests) {
    ClusteredGuests {
        guests = List.copyOf(guests);
        if (guests.isEmpty()) {
            throw new IllegalArgumentException("a cluster has at least one guest");
        }
    }

    IdentifiedGuest first() {
        return guests.get(0);
    }
}
