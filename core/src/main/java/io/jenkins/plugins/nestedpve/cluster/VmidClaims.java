package io.jenkins.plugins.nestedpve.cluster;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The VMIDs handed out for clones and not yet visible on the host, per physical host, shared by
 * every engine of this process: PVE's {@code nextid} reserves nothing (pve-facts §3.2), so two
 * provisionings of one process that read the same free VMID would otherwise clone onto it at once
 * and one of them would wait out the new id's lock. Thread-safe.
 */
public final class VmidClaims {
    private static final VmidClaims PROCESS = new VmidClaims();

    private final Map<String, Set<Integer>> claimed = new ConcurrentHashMap<>();

    /** A registry of its own (tests that stand for separate processes). */
    public VmidClaims() {}

    /** The registry of this process. */
    public static VmidClaims process() {
        return PROCESS;
    }

    /** Claims {@code vmid} on the host; false when it is claimed already. */
    public boolean claim(String hostId, int vmid) {
        return claimed.computeIfAbsent(hostId, k -> ConcurrentHashMap.newKeySet())
                .add(vmid);
    }

    /** The VMIDs claimed on the host. */
    public Set<Integer> claimed(String hostId) {
        return Set.copyOf(claimed.getOrDefault(hostId, Set.of()));
    }

    /** Releases claims (once the VMs exist or are gone, {@code /cluster/resources} tells the truth). */
    public void release(String hostId, Collection<Integer> vmids) {
        Set<Integer> s = claimed.get(hostId);
        if (s != null) {
            s.removeAll(vmids);
        }
    }
}
