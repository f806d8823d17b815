package io.jenkins.plugins.nestedpve.provision;

/**
 * After the boot phase (CONFIGURE, then START): the clone has the spec's CPU type {@code host},
 * cores, memory, bridge and VLAN, the guest agent enabled, the ownership tag and, with static
 * addressing, its cloud-init address; its start task has ended, so the VM runs.
 *
 * @param cloned the guest as cloned
 */
record BootedGuest(ClonedGuest cloned) {
    String name() {
        return cloned.name();
    }

    int vmid() {
        return cloned.vmid();
    }

    /** The physical node the VM lives on. */
    String hostNode() {
        return cloned.hostNode();
    }

    GuestSlot slot() {
        return cloned.slot();
    }
}
