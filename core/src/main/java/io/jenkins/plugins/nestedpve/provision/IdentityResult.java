package io.jenkins.plugins.nestedpve.provision;

import java.util.Optional;

/**
 * What a guest looks like after {@link GuestIdentity#apply}: when it could be read over the verified
 * SSH session, the fingerprint of its regenerated API certificate (pin it instead of trusting on
 * first use).
 *
 * @param apiFingerprint {@code AA:BB:…} of {@code pve-ssl.pem}, or null when not read
 */
public record IdentityResult(String apiFingerprint) {
    public Optional<String> apiFingerprintIfRead() {
        return Optional.ofNullable(apiFingerprint);
    }
}
