package io.jenkins.plugins.nestedpve.spec;

import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import java.io.Serializable;
import java.net.URI;
import java.util.Optional;

/**
 * The physical PVE host the guests are created on. Holds no credentials. Validated by {@link
 * ClusterSpecBuilder#build()}.
 *
 * @param apiUrl base URL of the API, e.g. {@code https://pve1.lab:8006} (https only)
 * @param node the PVE node name to create the guests on (short hostname)
 * @param apiFingerprint the SHA-256 fingerprint of the API's TLS leaf certificate, {@code AA:BB:...}
 *     (32 pairs; written without colons or in lower case it is stored in this form); the only trust anchor, there is
 *     no trust-all
 * @param ssh SSH access for the nesting preflight, or null when there is none
 */
public record HostRef(String apiUrl, String node, String apiFingerprint, HostSshTarget ssh) implements Serializable {
    private static final long serialVersionUID = 1L;

    public HostRef {
        apiFingerprint = canonical(apiFingerprint);
    }

    /** The fingerprint in PVE's form when it is one; anything else as given, for the rules to report. */
    private static String canonical(String fingerprint) {
        try {
            return fingerprint == null ? null : Fingerprint.parse(fingerprint).value();
        } catch (IllegalArgumentException e) {
            return fingerprint;
        }
    }

    /** A host without SSH access. */
    public static HostRef of(String apiUrl, String node, String apiFingerprint) {
        return new HostRef(apiUrl, node, apiFingerprint, null);
    }

    /** A copy with SSH access. */
    public HostRef withSsh(HostSshTarget target) {
        return new HostRef(apiUrl, node, apiFingerprint, target);
    }

    public Optional<HostSshTarget> sshTarget() {
        return Optional.ofNullable(ssh);
    }

    /** {@link #apiUrl()} as a URI; the spec has checked that it parses. */
    public URI apiUri() {
        return URI.create(apiUrl);
    }

    /** A stable id for ledgers and markers: {@code node@host[:port]}, e.g. {@code pve1@pve1.lab:8006}. */
    public String id() {
        URI u = apiUri();
        return node + "@" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }
}
