package io.jenkins.plugins.nestedpve.sim.model;

import java.util.List;

/**
 * Joins physical hosts into one PVE cluster at installation time, as if {@code pvecm create} and
 * {@code pvecm add} had run long ago: every node shares the first node's {@link Pmxcfs} (users,
 * tokens, CA, VM configs, storage.cfg), corosync.conf lists them all with one vote each, and corosync
 * runs on each (pve-facts §5).
 */
public final class PhysicalCluster {
    private PhysicalCluster() {}

    /**
     * @param name the cluster name
     * @param nodes the nodes, not yet booted; the first one's pmxcfs becomes the cluster's
     * @param addresses each node's ring0 address, in the same order
     */
    public static void form(String name, List<PveMachine> nodes, List<String> addresses) {
        Pmxcfs cfs = nodes.get(0).pmxcfs();
        Corosync c = new Corosync(name, new Corosync.Member(nodes.get(0).nodeName(), 1, 1, addresses.get(0)));
        for (int i = 1; i < nodes.size(); i++) {
            nodes.get(i).image().setPmxcfs(cfs);
            c.add(new Corosync.Member(nodes.get(i).nodeName(), i + 1, 1, addresses.get(i)));
        }
        cfs.setCorosync(c);
        for (PveMachine m : nodes) {
            m.cluster().setCorosyncRunning(true);
        }
    }
}
