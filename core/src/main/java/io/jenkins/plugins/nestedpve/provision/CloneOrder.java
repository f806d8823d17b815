package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.events.Phase;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

/**
 * Clones of one cluster in the spec's node order. Clones of a template run one after another anyway
 * (pve-facts §3.4, {@link TemplateLocks}); which guest thread gets the template first would be chance,
 * but node 1 creates the cluster and every join waits for it, so node 1 must come first, then node 2,
 * and so on. A guest waits until the clone of the node before it has ended (succeeded or failed); a
 * replacement does not wait.
 */
final class CloneOrder {
    private final List<CountDownLatch> cloned;

    CloneOrder(int nodes) {
        this.cloned =
                IntStream.range(0, nodes).mapToObj(i -> new CountDownLatch(1)).toList();
    }

    /** Waits until the node before {@code slot} has cloned (or failed to). */
    void awaitTurn(GuestSlot slot) {
        if (slot.index() < 2) {
            return;
        }
        try {
            cloned.get(slot.index() - 2).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException(Phase.CLONE, slot.name(), e);
        }
    }

    /** The clone of {@code slot} has ended: the next node's turn. */
    void ended(GuestSlot slot) {
        cloned.get(slot.index() - 1).countDown();
    }
}
