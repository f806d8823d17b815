/**
 * The nested cluster lifecycle: {@link io.jenkins.plugins.nestedpve.lifecycle.NestedPveEngine}
 * provisions a cluster through the phases of DESIGN.md (validate, host preflight, guests in
 * parallel, cluster formation, smoke check, ready), cleans up after any failure, cancellation or
 * interrupt, tears clusters down ({@link io.jenkins.plugins.nestedpve.lifecycle.Teardown}) and reaps
 * what was left behind ({@link io.jenkins.plugins.nestedpve.lifecycle.Reaper}). Only VMs carrying this
 * installation's ownership marker are ever destroyed.
 *
 * <p>PVE behaviour relied on is described in {@code pve-facts.md} (cited as §n).
 */
package io.jenkins.plugins.nestedpve.lifecycle;
