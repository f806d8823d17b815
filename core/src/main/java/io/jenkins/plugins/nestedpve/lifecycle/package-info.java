/**
 * What the engine's parts share: the {@link io.jenkins.plugins.nestedpve.lifecycle.EngineContext}
 * (clock, sleeper, clients, ledger, threads), how a host's API client is opened ({@link
 * io.jenkins.plugins.nestedpve.lifecycle.HostClients}). The checks of a spec against a host are
 * the {@code preflight} report's, which provisioning's validation phase runs directly.
 *
 * <p>PVE behaviour relied on is described in {@code pve-facts.md} (cited as §n).
 */
package io.jenkins.plugins.nestedpve.lifecycle;
