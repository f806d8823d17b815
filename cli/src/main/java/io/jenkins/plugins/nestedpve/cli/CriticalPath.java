package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile;
import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import java.time.Duration;

/**
 * The shortest time PVE itself allows for a cluster, computed from the simulator's latency profile
 * at realistic length (docs/benchmarks.md). With {@code d(X)} the realistic duration of step X, the
 * cluster formed while the guests come up (node 1 creates it as soon as it has its identity, each
 * other node joins as soon as it has its identity and the join before it has ended):
 *
 * <pre>
 * clone       = d(LINKED_CLONE) + max(d(CONFIG), d(STORAGE_ALLOC))
 *                                                           one clone of the system disk, plus the
 *                                                           template's cloud-init drive made anew (a new
 *                                                           volume under the storage lock); clones are
 *                                                           serialized on the template
 * t(k)        = k × clone + d(CONFIG) + d(START)            node k configured and started
 *             + d(GUEST_BOOT)                               booted
 *             + d(SERVICE_RESTART)                          identity: pveproxy back after its restart
 * joined(1)   = t(1) + d(CLUSTER_CREATE)                    cluster create on node 1
 * joined(k)   = max(joined(k − 1), t(k))                    joins one after another, each as soon as
 *             + d(CLUSTER_JOIN) + d(API_DROP)               its node is ready; each ends when the
 *                                                           joined node's API is back   (k = 2 … N)
 * ready(N)    = validation + preflight                      0: read-only calls, no PVE task
 *             + t(1) for N = 1, else joined(N)
 *             + quorum                                      0: reached when the last join ends
 *             + d(CREATE) + d(START) + d(STOP) + d(DESTROY) smoke-check VM on node 1
 *
 * teardown(N) = d(STOP) + d(DESTROY)                        the guests are independent VMs: PVE stops
 *                                                           and destroys them in parallel, except that
 *             + (N − 1) × V × d(STORAGE_FREE)               each destroy frees its V volumes under the
 *                                                           storage lock, one free at a time on the host
 *                                                           (pve-storage vdisk_free); V = 2 here (system
 *                                                           disk and cloud-init drive)
 * </pre>
 *
 * With the realistic profile a join (23 s) outlasts a clone (3.8 s) and the create (5 s) does too, so
 * {@code ready(N) = t(1) + d(CLUSTER_CREATE) + (N − 1) × (d(CLUSTER_JOIN) + d(API_DROP)) + smoke}:
 * only node 1's clone, boot and identity are on the critical path, the other nodes' come up meanwhile.
 * Address, SSH and nesting-check add nothing: the address is there when the guest has booted, and
 * the rest are commands that take no simulated latency.
 */
final class CriticalPath {
    private final LatencyProfile profile;

    CriticalPath(LatencyProfile profile) {
        this.profile = profile;
    }

    /** The ready bound for {@code nodes} nodes, at realistic length. */
    Duration ready(int nodes) {
        Duration identified = identified(1);
        if (nodes < 2) {
            return identified.plus(smokeCheck());
        }
        Duration join = d(Step.CLUSTER_JOIN).plus(d(Step.API_DROP));
        Duration joined = identified.plus(d(Step.CLUSTER_CREATE));
        for (int k = 2; k <= nodes; k++) {
            Duration ready = identified(k);
            joined = (ready.compareTo(joined) > 0 ? ready : joined).plus(join);
        }
        return joined.plus(smokeCheck());
    }

    /** t(k): when node {@code k} has its identity, its clone having waited for the k − 1 before it. */
    private Duration identified(int k) {
        return oneClone()
                .multipliedBy(k)
                .plus(d(Step.CONFIG))
                .plus(d(Step.START))
                .plus(d(Step.GUEST_BOOT))
                .plus(d(Step.SERVICE_RESTART));
    }

    /** Volumes each guest of the bench's template owns: its system disk and its cloud-init drive. */
    static final int VOLUMES_PER_GUEST = 2;

    /**
     * The teardown bound for {@code nodes} guests, at realistic length: one stop and one destroy, and
     * the other guests' volume frees, which queue for the storage lock.
     */
    Duration teardown(int nodes) {
        return d(Step.STOP)
                .plus(d(Step.DESTROY))
                .plus(d(Step.STORAGE_FREE).multipliedBy((long) (nodes - 1) * VOLUMES_PER_GUEST));
    }

    /** One clone of the bench's template: its system disk linked, its cloud-init drive made anew. */
    private Duration oneClone() {
        Duration cloudInit =
                d(Step.CONFIG).compareTo(d(Step.STORAGE_ALLOC)) >= 0 ? d(Step.CONFIG) : d(Step.STORAGE_ALLOC);
        return d(Step.LINKED_CLONE).plus(cloudInit);
    }

    private Duration smokeCheck() {
        return d(Step.CREATE).plus(d(Step.START)).plus(d(Step.STOP)).plus(d(Step.DESTROY));
    }

    private Duration d(Step step) {
        return profile.realistic(step);
    }
}
