package io.jenkins.plugins.nestedpve.spec;

import java.io.Serializable;

/**
 * Where to SSH to the physical host, with its pinned host key. Credentials are not here (see
 * {@link HostCredentials}). Validated by {@link ClusterSpecBuilder#build()}.
 *
 * @param host host name or IP
 * @param port SSH port (22)
 * @param user login, usually {@code root} (the preflight reads {@code /sys} and may write {@code /etc/modprobe.d})
 * @param hostKeyFingerprint the host key's OpenSSH SHA-256 fingerprint, {@code SHA256:<43 base64 chars>}
 */
public record HostSshTarget(String host, int port, String user, String hostKeyFingerprint) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Port 22, user root. */
    public static HostSshTarget root(String host, String hostKeyFingerprint) {
        return new HostSshTarget(host, 22, "root", hostKeyFingerprint);
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + " (" + hostKeyFingerprint + ")";
    }
}
