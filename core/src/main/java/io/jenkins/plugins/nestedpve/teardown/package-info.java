/**
 * Destroying what a lease created: {@link io.jenkins.plugins.nestedpve.teardown.Teardown} (each VM
 * re-read and destroyed only with this installation's verified ownership marker), the targets of a
 * lease from the ledger and a sweep of the host ({@link
 * io.jenkins.plugins.nestedpve.teardown.LeaseTargets}), and {@link
 * io.jenkins.plugins.nestedpve.teardown.FailureCleanup} after a failed provisioning (destroy, or
 * keep until an expiry).
 *
 * <p>PVE behaviour relied on is described in {@code pve-facts.md} (cited as §n).
 */
package io.jenkins.plugins.nestedpve.teardown;
