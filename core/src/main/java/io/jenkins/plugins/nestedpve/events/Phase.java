package io.jenkins.plugins.nestedpve.events;

import java.util.Locale;

/** The phases of a nested cluster's life, in provisioning order. */
public enum Phase {
    /** Check the spec and the environment (template, storage, bridge, VMIDs, privileges); writes nothing. */
    VALIDATE,
    /** Nesting preflight on the physical host. */
    PREFLIGHT,
    /** Linked or full clone of the template (per node). */
    CLONE,
    /** CPU, memory, network, agent, cloud-init settings (per node). */
    CONFIGURE,
    /** Power on (per node). */
    START,
    /** Find the guest's IP address (per node). */
    ADDRESS,
    /**
     * New SSH host keys and the cluster's key through the guest agent, then SSH with exactly those
     * host keys pinned (per node).
     */
    SSH,
    /** Hostname, /etc/hosts, machine-id, root password, certificates (per node). */
    IDENTITY,
    /** {@code vmx|svm} and {@code /dev/kvm} inside the guest (per node). */
    NESTING_CHECK,
    /** {@code pvecm create} on the first node. */
    CLUSTER_CREATE,
    /** One node joins (per node, one at a time). */
    JOIN,
    /** Wait for {@code quorate: 1} with every node online. */
    QUORUM,
    /** Start a small VM inside the nested cluster. */
    SMOKE_CHECK,
    /** Descriptor, inventory and environment written. */
    READY,
    /** Stop and destroy the guests. */
    TEARDOWN;

    /** Lower-case, dash-separated name for tables and logs, e.g. {@code cluster-create}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
