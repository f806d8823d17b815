/**
 * A client for the Proxmox VE HTTP API: {@link io.jenkins.plugins.nestedpve.pve.PveClient} over
 * {@code java.net.http} with TLS pinned by SHA-256 leaf fingerprint, API-token or ticket
 * authentication, typed records for what the tool reads, UPID task waiting ({@link
 * io.jenkins.plugins.nestedpve.pve.Tasks}) and a small unchecked exception tree rooted in {@link
 * io.jenkins.plugins.nestedpve.pve.PveApiException} whose messages say what to do next.
 *
 * <p>PVE behaviour this package relies on is described in {@code pve-facts.md} of the project's
 * shared facts (sections cited as §n in comments).
 */
package io.jenkins.plugins.nestedpve.pve;
