/**
 * The preflight report: every check that runs before anything is created, with one implementation
 * — connection ({@link io.jenkins.plugins.nestedpve.preflight.ConnectionChecks}), the spec against
 * the host ({@link io.jenkins.plugins.nestedpve.preflight.EnvironmentChecks}: node, template,
 * storage, bridge, memory and cores, VMIDs, privileges) and nesting on the host ({@link
 * io.jenkins.plugins.nestedpve.preflight.HostNesting}). Provisioning's validation phase stops on
 * any failure; {@code nestedpve doctor} and the plugin's "Test connection" print the same {@link
 * io.jenkins.plugins.nestedpve.preflight.PreflightReport}.
 *
 * <p>PVE behaviour relied on is described in {@code pve-facts.md} (cited as §n).
 */
package io.jenkins.plugins.nestedpve.preflight;
