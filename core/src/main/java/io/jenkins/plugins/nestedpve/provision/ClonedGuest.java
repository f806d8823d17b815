package io.jenkins.plugins.nestedpve.provision;

/**
 * After the clone phase: a VM cloned from the template exists on node {@code hostNode} under {@code vmid},
 * its clone task has ended, its description carries this lease's signed ownership marker (sent in
 * the clone call itself) and the ledger recorded it before the clone call was even answered.
 *
 * @param slot which guest of the spec it is
 * @param vmid the new VM's id, inside the spec's VMID range
 * @param hostNode the physical node the VM lives on: every later call for it addresses this node
 */
record ClonedGuest(GuestSlot slot, int vmid, String hostNode) {
    String name() {
        return slot.name();
    }
}
