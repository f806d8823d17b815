package io.jenkins.plugins.nestedpve.events;

import java.util.Locale;

/** The phases of a nested cluster's life, in provisioning order. */
public enum Phase {
    /** Check the spec and the environment (template, storage, bridge, VMIDs, privileges); writes nothing. */
    VALIDATE("the host's answers to the checks"),
    /** Nesting preflight on the physical host. */
    PREFLIGHT("the nesting preflight on the host"),
    /** Linked or full clone of the template (per node). */
    CLONE("the clone"),
    /** CPU, memory, network, agent, cloud-init settings (per node). */
    CONFIGURE("the configuration to be written"),
    /** Power on (per node). */
    START("the guest to start"),
    /** Find the guest's IP address (per node). */
    ADDRESS("the guest agent's address"),
    /**
     * New SSH host keys and the cluster's key through the guest agent, then SSH with exactly those
     * host keys pinned (per node).
     */
    SSH("SSH to accept a login"),
    /** Hostname, /etc/hosts, machine-id, root password, certificates (per node). */
    IDENTITY("the identity steps (services restarting)"),
    /** {@code vmx|svm} and {@code /dev/kvm} inside the guest (per node). */
    NESTING_CHECK("the nesting check in the guest"),
    /** {@code pvecm create} on the first node. */
    CLUSTER_CREATE("the cluster to be created"),
    /** One node joins (per node, one at a time). */
    JOIN("the join"),
    /** Wait for {@code quorate: 1} with every node online. */
    QUORUM("quorum with every node online"),
    /** Start a small VM inside the nested cluster. */
    SMOKE_CHECK("the smoke-check VM"),
    /** Descriptor, inventory and environment written. */
    READY("the descriptor files"),
    /** Stop and destroy the guests. */
    TEARDOWN("the guest to stop and be destroyed");

    private final String awaited;

    Phase(String awaited) {
        this.awaited = awaited;
    }

    /** What the phase waits for, in words, e.g. "the guest agent's address" (heartbeat lines). */
    public String awaited() {
        return awaited;
    }

    /** Lower-case, dash-separated name for tables and logs, e.g. {@code cluster-create}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
