package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile;
import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import java.time.Duration;

/**
 * The shortest time PVE itself allows for a cluster, computed from the simulator's latency profile
 * at realistic length (docs/benchmarks.md). With {@code d(X)} the realistic duration of step X:
 *
 * <pre>
 * ready(N)    = validation + preflight                      0: read-only calls, no PVE task
 *             + N × clone                                   clones serialized on the template, each
 *                                                           clone = d(LINKED_CLONE) of the system disk
 *                                                           + max(d(CONFIG), d(STORAGE_ALLOC)) for the
 *                                                           template's cloud-init drive (a new volume
 *                                                           under the storage lock)
 *             + d(CONFIG) + d(START)                        configure and start the last clone
 *             + d(GUEST_BOOT)                               the slowest (last started) boot
 *             + d(SERVICE_RESTART)                          identity: pveproxy back after its restart
 *             + [N ≥ 2] d(CLUSTER_CREATE)                   cluster create on node 1
 *             + [N ≥ 2] (N − 1) × (d(CLUSTER_JOIN) + d(API_DROP))
 *                                                           joins one after another; each ends when the
 *                                                           joined node's API is back
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
        Duration d = oneClone()
                .multipliedBy(nodes)
                .plus(d(Step.CONFIG))
                .plus(d(Step.START))
                .plus(d(Step.GUEST_BOOT))
                .plus(d(Step.SERVICE_RESTART));
        if (nodes >= 2) {
            d = d.plus(d(Step.CLUSTER_CREATE))
                    .plus(d(Step.CLUSTER_JOIN).plus(d(Step.API_DROP)).multipliedBy(nodes - 1L));
        }
        return d.plus(smokeCheck());
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
