package io.jenkins.plugins.nestedpve.schema;

import java.util.Map;
import java.util.Objects;

/**
 * A resolved API call: the method, the schema's path template (e.g. {@code /nodes/{node}/qemu/{vmid}/clone}),
 * the path parameters taken from the concrete path (percent-decoded segments) and the method's schema.
 *
 * @param method HTTP method in upper case
 * @param template path template below {@code /api2/json}
 * @param pathParams placeholder name to concrete segment value (immutable)
 * @param spec the schema of this method
 */
public record Route(String method, String template, Map<String, String> pathParams, MethodSpec spec) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(spec, "spec");
        pathParams = Map.copyOf(pathParams);
    }
}
