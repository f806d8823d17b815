package io.jenkins.plugins.nestedpve.schema;

/**
 * Behaviour differences of pve-common's JSONSchema.pm between the PVE releases whose schemas are
 * bundled: 8.4 ships pve-common 8.3 (branch stable-bookworm), 9.1 ships pve-common 9.1.
 *
 * @param idMinLength parse_id rejects IDs shorter than 2 characters with its own message
 *     (pve-common d43c573, 2026-01)
 * @param aliasConflict parse_property_string rejects a key set directly and via an alias
 *     (pve-common 5d84387, 2026-03)
 * @param defaultKeyBoolean a boolean default key is parsed with parse_boolean (pve-common ac547b8)
 * @param aliasRemap check_object remaps alias keys to their targets (pve-common 8e6f7eb)
 */
record Dialect(boolean idMinLength, boolean aliasConflict, boolean defaultKeyBoolean, boolean aliasRemap) {
    static final Dialect PVE8 = new Dialect(false, false, false, false);
    static final Dialect PVE9 = new Dialect(true, true, true, true);

    static Dialect forVersion(String version) {
        return version.startsWith("8.") || version.startsWith("7.") ? PVE8 : PVE9;
    }
}
