package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.spec.Addressing;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One guest the spec asks for, before anything exists of it.
 *
 * @param index 1-based position in the spec's node list (picks its static address)
 * @param name the node name, e.g. {@code np-k3x9q2-n1}
 */
record GuestSlot(int index, String name) {
    /** This guest's address in a static pool of {@code nodes} guests. */
    String staticAddress(Addressing.StaticPool pool, int nodes) {
        return pool.addresses(nodes).get(index - 1);
    }

    /** The slots of {@code names}, in order. */
    static List<GuestSlot> of(List<String> names) {
        return IntStream.range(0, names.size())
                .mapToObj(i -> new GuestSlot(i + 1, names.get(i)))
                .toList();
    }
}
