package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One entry of {@code GET /nodes} (pve-facts §4). The statistics come from RRD data and lag by
 * about 10 s.
 *
 * @param node node name
 * @param status {@code online}, {@code offline} or {@code unknown}
 * @param sslFingerprint SHA-256 fingerprint of the node's served certificate, or {@code null}
 * @param maxmem memory in bytes (0 when unknown)
 * @param mem used memory in bytes
 * @param maxcpu logical CPUs
 */
public record NodeSummary(String node, String status, String sslFingerprint, long maxmem, long mem, int maxcpu) {
    static NodeSummary from(JsonNode e) {
        return new NodeSummary(
                Json.asString(e, "node"),
                Json.optString(e, "status").orElse("unknown"),
                Json.asString(e, "ssl_fingerprint"),
                Json.asLong(e, "maxmem", 0),
                Json.asLong(e, "mem", 0),
                Json.asInt(e, "maxcpu", 0));
    }

    public boolean online() {
        return "online".equals(status);
    }

    /** The fingerprint parsed, empty when absent. */
    public Optional<Fingerprint> fingerprint() {
        return Optional.ofNullable(sslFingerprint).map(Fingerprint::parse);
    }
}
