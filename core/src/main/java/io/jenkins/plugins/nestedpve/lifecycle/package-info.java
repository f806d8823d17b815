/**
 * What the engine's parts share: the {@link io.jenkins.plugins.nestedpve.lifecycle.EngineContext}
 * (clock, sleeper, clients, ledger, threads), how a host's API client is opened ({@link
 * io.jenkins.plugins.nestedpve.lifecycle.HostClients}), and the checks of a spec against a host
 * that provisioning's validation phase runs.
 *
 * <p>PVE behaviour relied on is described in {@code pve-facts.md} (cited as §n).
 */
package io.jenkins.plugins.nestedpve.lifecycle;
