/**
 * The nested cluster's lifecycle building blocks (the spec itself and its rules are in {@link
 * io.jenkins.plugins.nestedpve.spec}): the pure Phase 0 decisions ({@link
 * io.jenkins.plugins.nestedpve.cluster.CapacityCheck}, {@link
 * io.jenkins.plugins.nestedpve.cluster.VmidAllocator}, {@link
 * io.jenkins.plugins.nestedpve.cluster.PrivilegeCheck}), the {@link
 * io.jenkins.plugins.nestedpve.cluster.OwnershipMarker} on every guest, the {@link
 * io.jenkins.plugins.nestedpve.cluster.Ledger} of created VMs, {@link
 * io.jenkins.plugins.nestedpve.cluster.GuestIdentity} for cloned guests, and the result {@link
 * io.jenkins.plugins.nestedpve.cluster.NestedCluster} with its environment, descriptor and
 * inventory outputs.
 *
 * <p>PVE behaviour relied on is described in {@code pve-facts.md} (cited as §n).
 */
package io.jenkins.plugins.nestedpve.cluster;
