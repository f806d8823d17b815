package io.jenkins.plugins.nestedpve.teardown;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets the stops of one batch of VMs go out together. Each VM of the batch arrives once, when its
 * config is read and checked and its stop is next, or when it leaves without a stop (gone, not ours,
 * failed); a VM that arrives waits for the others, at most {@link #MAX_WAIT}. The teardown ends with
 * its last VM, so holding the first stops back until the last VM's config is read costs nothing,
 * and the stops, and after them the destroys, run side by side instead of one VM's requests running
 * while another VM's task is pending. A VM outside the batch passes at once. Thread-safe.
 */
final class StartGate {
    /** The longest a VM waits for the rest of its batch (e.g. one whose clone is still running). */
    static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private final Set<Integer> members;
    private final Set<Integer> arrived = ConcurrentHashMap.newKeySet();
    private final CountDownLatch latch;

    StartGate(Collection<Integer> vmids) {
        this.members = Set.copyOf(vmids);
        this.latch = new CountDownLatch(members.size());
    }

    /** Counts {@code vmid} as arrived without waiting; a second call is harmless. */
    void leave(int vmid) {
        if (members.contains(vmid) && arrived.add(vmid)) {
            latch.countDown();
        }
    }

    /** Counts {@code vmid} as arrived and waits for the rest of the batch (at most {@link #MAX_WAIT}). */
    void arriveAndAwait(int vmid) throws InterruptedException {
        if (!members.contains(vmid)) {
            return;
        }
        leave(vmid);
        latch.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
