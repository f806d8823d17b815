package io.jenkins.plugins.nestedpve.ledger;

import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One fact in the {@link Ledger}: a guest VM was created or destroyed.
 *
 * @param lease the provisioning's lease id
 * @param cluster the cluster name
 * @param host the physical host's {@link HostRef#id()}
 * @param hostNode the PVE node the VM lives on
 * @param vmid the VM's id
 * @param node the guest's node name
 * @param state what happened
 * @param time when it was recorded
 */
public record LedgerEntry(
        String lease, String cluster, String host, String hostNode, int vmid, String node, State state, Instant time)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What happened to the VM. */
    public enum State {
        /** The clone call returned: the VM exists (or may), teardown must destroy it. */
        CREATED,
        /** The VM is gone (destroyed, or found not to exist). */
        DESTROYED
    }

    public LedgerEntry {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hostNode, "hostNode");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(time, "time");
    }

    /** A {@link State#CREATED} entry. */
    public static LedgerEntry created(String lease, String cluster, HostRef host, int vmid, String node, Instant time) {
        return new LedgerEntry(lease, cluster, host.id(), host.node(), vmid, node, State.CREATED, time);
    }

    /** The {@link State#DESTROYED} entry for the same VM. */
    public LedgerEntry destroyed(Instant at) {
        return new LedgerEntry(lease, cluster, host, hostNode, vmid, node, State.DESTROYED, at);
    }

    /** Identifies the VM across entries: VMIDs are unique per physical PVE cluster. */
    public String vmKey() {
        return host + "/" + vmid;
    }
}
