/**
 * The nested cluster's building blocks (the spec itself and its rules are in {@link
 * io.jenkins.plugins.nestedpve.spec}, the checks before anything is created in {@link
 * io.jenkins.plugins.nestedpve.preflight}): the pure VMID choice ({@link
 * io.jenkins.plugins.nestedpve.cluster.VmidAllocator}), the {@link
 * io.jenkins.plugins.nestedpve.cluster.OwnershipMarker} on every guest, the {@link
 * io.jenkins.plugins.nestedpve.ledger.Ledger} of created VMs, and the result {@link
 * io.jenkins.plugins.nestedpve.cluster.NestedCluster} with its environment, descriptor and
 * inventory outputs.
 *
 * <p>PVE behaviour relied on is described in {@code pve-facts.md} (cited as §n).
 */
package io.jenkins.plugins.nestedpve.cluster;
