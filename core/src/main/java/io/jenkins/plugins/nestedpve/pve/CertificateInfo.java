package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code GET /nodes/{node}/certificates/info} (pve-facts §1.6).
 *
 * @param filename {@code pve-root-ca.pem}, {@code pve-ssl.pem} or {@code pveproxy-ssl.pem}
 * @param fingerprint SHA-256 fingerprint
 * @param subject subject in OpenSSL one-line form
 * @param san subject alternative names
 * @param notAfter expiry, epoch seconds (0 when absent)
 */
public record CertificateInfo(String filename, String fingerprint, String subject, List<String> san, long notAfter) {
    public CertificateInfo {
        san = List.copyOf(san);
    }

    static CertificateInfo from(JsonNode e) {
        return new CertificateInfo(
                Json.asString(e, "filename"),
                Json.asString(e, "fingerprint"),
                Json.asString(e, "subject"),
                Json.asStringList(e, "san"),
                Json.asLong(e, "notafter", 0));
    }

    /**
     * The certificate pveproxy serves: {@code pveproxy-ssl.pem} when present (custom or ACME),
     * otherwise {@code pve-ssl.pem}.
     */
    public static Optional<CertificateInfo> served(List<CertificateInfo> certificates) {
        return certificates.stream()
                .filter(c -> "pveproxy-ssl.pem".equals(c.filename()))
                .findFirst()
                .or(() -> certificates.stream()
                        .filter(c -> "pve-ssl.pem".equals(c.filename()))
                        .findFirst());
    }

    /** The fingerprint parsed. */
    public Fingerprint parsedFingerprint() {
        return Fingerprint.parse(fingerprint);
    }
}
