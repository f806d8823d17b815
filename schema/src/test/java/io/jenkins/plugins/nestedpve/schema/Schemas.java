package io.jenkins.plugins.nestedpve.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** Access to the official schemas bundled in this module, for tests. */
final class Schemas {
    private Schemas() {}

    static ApiSchema v91() {
        return require("9.1");
    }

    static ApiSchema v84() {
        return require("8.4");
    }

    static ApiSchema require(String version) {
        return ApiSchema.require(version);
    }

    /** Validates a request against the 9.1 schema. */
    static Map<String, String> check(String method, String path, Map<String, Object> params, boolean json) {
        return check(v91(), method, path, params, json);
    }

    static Map<String, String> check(
            ApiSchema schema, String method, String path, Map<String, Object> params, boolean json) {
        Route route = schema.route(method, path)
                .orElseThrow(() -> new AssertionError(method + " " + path + " not found in PVE " + schema.version()));
        return schema.validate(route, params, json);
    }

    /** Urlencoded-style parameters from key/value pairs. */
    static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
