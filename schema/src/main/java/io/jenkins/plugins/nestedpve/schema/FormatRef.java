package io.jenkins.plugins.nestedpve.schema;

/**
 * The {@code format} of a schema: an inline property-string format (an object in apidata) or a
 * registered name, possibly with PVE's {@code -list}/{@code -opt} suffix
 * (pve-common:src/PVE/JSONSchema.pm check_format).
 *
 * @param name the format name as written in the schema, null for inline formats
 * @param kind how the value is split before the check
 * @param code the verifier for code formats
 * @param hash the sub-key schemas for property-string formats
 */
record FormatRef(String name, Kind kind, CodeFormat code, HashFormat hash) {
    enum Kind {
        SINGLE,
        LIST,
        OPT,
        /** {@code regex}: PVE does not check it. */
        UNCHECKED,
        /** Not implemented here: accepted, and reported by {@link MethodSpec#unimplementedFormats()}. */
        UNKNOWN
    }

    static FormatRef inline(HashFormat hash) {
        return new FormatRef(null, Kind.SINGLE, null, hash);
    }

    boolean implemented() {
        return kind != Kind.UNKNOWN;
    }
}
