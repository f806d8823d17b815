package io.jenkins.plugins.nestedpve.pve;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how to reach one PVE API: immutable, validated at construction. Build it through
 * {@link PveClient#builder()}. {@code toString} shows no secret.
 *
 * @param host host name or IP address (IPv6 without brackets)
 * @param port API port, normally 8006
 * @param node the PVE node name behind this address, or {@code null} when not known yet
 * @param fingerprint the pinned SHA-256 fingerprint of the served leaf certificate
 * @param credentials token or ticket credentials
 * @param timeouts every time bound of the client
 */
public record PveEndpoint(
        String host, int port, String node, Fingerprint fingerprint, PveCredentials credentials, PveTimeouts timeouts) {
    /** PVE's default API port. */
    public static final int DEFAULT_PORT = 8006;

    private static final Pattern NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-:%_]+");

    public PveEndpoint {
        if (host == null || host.isBlank() || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("PVE host '" + host + "' is not a host name or IP address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("PVE port " + port + " is outside 1..65535");
        }
        if (node != null && !NODE.matcher(node).matches()) {
            throw new IllegalArgumentException("PVE node name '" + node + "' is not a valid node name"
                    + " (letters, digits and '-', the short host name of the node)");
        }
        Objects.requireNonNull(
                fingerprint,
                "the SHA-256 fingerprint of the PVE certificate is required (pinning is the only TLS trust);"
                        + " read it with `pvenode cert info` on the host");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** The node name if known. */
    public Optional<String> knownNode() {
        return Optional.ofNullable(node);
    }

    /** {@code https://host:port/api2/json} (IPv6 literals bracketed). */
    public URI baseUri() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return URI.create("https://" + h + ":" + port + "/api2/json");
    }

    /** A copy pinned to another fingerprint, e.g. after a cluster join regenerated the certificate. */
    public PveEndpoint withFingerprint(Fingerprint newFingerprint) {
        return new PveEndpoint(host, port, node, newFingerprint, credentials, timeouts);
    }

    @Override
    public String toString() {
        return "PveEndpoint[" + host + ":" + port + (node == null ? "" : ", node " + node) + ", fingerprint "
                + fingerprint + ", " + credentials + "]";
    }
}
