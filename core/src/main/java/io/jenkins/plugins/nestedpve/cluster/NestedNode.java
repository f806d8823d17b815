package io.jenkins.plugins.nestedpve.cluster;

import java.io.Serializable;
import java.util.Objects;

/**
 * One PVE guest of a nested cluster.
 *
 * @param name node name = hostname = VM name, e.g. {@code np-k3x9q2-n1}
 * @param vmid its VMID on the physical host
 * @param address its IP address (on {@code vmbr0} inside the guest)
 * @param apiFingerprint SHA-256 fingerprint of its API certificate as served now (re-pinned after
 *     the identity step and after its join, which both regenerate the certificate)
 * @param sshHostKeyFingerprint OpenSSH SHA-256 fingerprint of its (regenerated) SSH host key
 * @param apiPort its PVE API port (8006)
 * @param sshPort its SSH port (22)
 */
public record NestedNode(
        String name,
        int vmid,
        String address,
        String apiFingerprint,
        String sshHostKeyFingerprint,
        int apiPort,
        int sshPort)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public NestedNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    /** {@code https://<address>:<apiPort>} (IPv6 addresses in brackets). */
    public String apiUrl() {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return "https://" + host + ":" + apiPort;
    }

    /** A copy with a new API fingerprint (after a join regenerated the certificate). */
    public NestedNode withApiFingerprint(String fingerprint) {
        return new NestedNode(name, vmid, address, fingerprint, sshHostKeyFingerprint, apiPort, sshPort);
    }

    /** A copy with a new SSH host key fingerprint. */
    public NestedNode withSshHostKeyFingerprint(String fingerprint) {
        return new NestedNode(name, vmid, address, apiFingerprint, fingerprint, apiPort, sshPort);
    }
}
