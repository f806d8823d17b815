package io.jenkins.plugins.nestedpve.cluster;

import java.util.List;
import java.util.Optional;

/**
 * What a guest looks like after {@link GuestIdentity#apply}: its new SSH host keys and, when it
 * could be read over SSH, the fingerprint of its regenerated API certificate (pin it instead of
 * trusting on first use).
 *
 * @param sshHostKeys the regenerated host keys (may be empty if they could not be read)
 * @param apiFingerprint {@code AA:BB:…} of {@code pve-ssl.pem}, or null when not read
 */
public record IdentityResult(List<SshHostKeys.HostKey> sshHostKeys, String apiFingerprint) {
    public IdentityResult {
        sshHostKeys = List.copyOf(sshHostKeys);
    }

    /** The fingerprint to pin for the next SSH connection (see {@link SshHostKeys#preferred}). */
    public Optional<String> preferredHostKeyFingerprint() {
        return SshHostKeys.preferred(sshHostKeys).map(SshHostKeys.HostKey::fingerprint);
    }

    public Optional<String> apiFingerprintIfRead() {
        return Optional.ofNullable(apiFingerprint);
    }
}
