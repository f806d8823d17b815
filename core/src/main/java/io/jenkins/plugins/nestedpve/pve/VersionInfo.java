package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /version} (pve-facts §4).
 *
 * @param version full pve-manager version, e.g. {@code 9.1.2}
 * @param release major.minor, e.g. {@code 9.1}
 * @param repoid short git hash
 */
public record VersionInfo(String version, String release, String repoid) {
    static VersionInfo from(JsonNode data) {
        String version = Json.optString(data, "version").orElse("");
        String release = Json.optString(data, "release").orElseGet(() -> majorMinor(version));
        return new VersionInfo(version, release, Json.asString(data, "repoid"));
    }

    private static String majorMinor(String version) {
        String[] p = version.split("\\.");
        return p.length >= 2 ? p[0] + "." + p[1] : version;
    }

    /** The major version, e.g. 9; 0 when unreadable. */
    public int major() {
        try {
            return Integer.parseInt(release.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
