package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.cluster.VmidClaims;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Coordination of clones: a fair lock per template, scoped to one engine instance, so that clones
 * of one template run one after another (pve-facts §3.4: the template's volumes and the storage
 * lock are shared); and the VMIDs handed out but possibly not yet visible in {@code
 * /cluster/resources}, per physical host, in {@link VmidClaims} shared by every engine of the
 * process.
 */
public final class TemplateLocks {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final VmidClaims claims;

    public TemplateLocks() {
        this(VmidClaims.process());
    }

    public TemplateLocks(VmidClaims claims) {
        this.claims = claims;
    }

    /** The lock of template {@code vmid} on host {@code hostId}. */
    ReentrantLock lockFor(String hostId, int templateVmid) {
        return locks.computeIfAbsent(hostId + "/" + templateVmid, k -> new ReentrantLock(true));
    }

    /** Claims {@code vmid} on the host; false when already claimed. */
    boolean claim(String hostId, int vmid) {
        return claims.claim(hostId, vmid);
    }

    /** The VMIDs claimed on the host. */
    Set<Integer> claimed(String hostId) {
        return claims.claimed(hostId);
    }

    /** Releases claims (once the VMs exist or are gone, {@code /cluster/resources} tells the truth). */
    void release(String hostId, Collection<Integer> vmids) {
        claims.release(hostId, vmids);
    }
}
