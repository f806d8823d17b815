package io.jenkins.plugins.nestedpve.schema;

import java.util.Map;

/**
 * A property-string format: sub-key schemas and, for some named formats, a validator that PVE
 * runs on the parsed result (register_format's third argument).
 */
record HashFormat(Map<String, Prop> properties, Validator validator) {
    HashFormat {
        properties = Map.copyOf(properties);
    }

    /** Validator of a parsed property string (sub-key to value). */
    @FunctionalInterface
    interface Validator {
        void check(Map<String, Object> parsed) throws FormatException;
    }
}
