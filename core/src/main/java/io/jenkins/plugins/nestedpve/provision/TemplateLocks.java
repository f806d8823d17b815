package io.jenkins.plugins.nestedpve.provision;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Engine-wide coordination of clones (scoped to one engine instance, never static): a fair lock per
 * template, so that clones of one template run one after another (pve-facts §3.4: the template's
 * volumes and the storage lock are shared), and the VMIDs handed out but possibly not yet visible
 * in {@code /cluster/resources}, per physical host.
 */
public final class TemplateLocks {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> claimed = new ConcurrentHashMap<>();

    /** The lock of template {@code vmid} on host {@code hostId}. */
    ReentrantLock lockFor(String hostId, int templateVmid) {
        return locks.computeIfAbsent(hostId + "/" + templateVmid, k -> new ReentrantLock(true));
    }

    /** Claims {@code vmid} on the host; false when already claimed. */
    boolean claim(String hostId, int vmid) {
        return claimed.computeIfAbsent(hostId, k -> ConcurrentHashMap.newKeySet())
                .add(vmid);
    }

    /** The VMIDs claimed on the host. */
    Set<Integer> claimed(String hostId) {
        return Set.copyOf(claimed.getOrDefault(hostId, Set.of()));
    }

    /** Releases claims (once the VMs exist or are gone, {@code /cluster/resources} tells the truth). */
    void release(String hostId, Collection<Integer> vmids) {
        Set<Integer> s = claimed.get(hostId);
        if (s != null) {
            s.removeAll(vmids);
        }
    }
}
