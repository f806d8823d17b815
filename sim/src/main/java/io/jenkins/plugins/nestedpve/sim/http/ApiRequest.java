package io.jenkins.plugins.nestedpve.sim.http;

import java.util.Map;

/**
 * A parsed, authenticated and schema-validated API request.
 *
 * @param method HTTP method in upper case
 * @param path the path below {@code /api2/json}, e.g. {@code /nodes/pve/qemu/100/clone}
 * @param template the schema path template it matched, e.g. {@code /nodes/{node}/qemu/{vmid}/clone}
 * @param pathParams values of the template's placeholders
 * @param params query and body parameters merged as PVE merges them (query overrides body); values
 *     are {@code String}, {@code List<String>} for repeated urlencoded keys, or JSON values
 *     ({@code Boolean}, {@code Number}, {@code String}, {@code List}, {@code Map}) from a JSON body
 * @param principal the authenticated caller, or {@code null} for the few unauthenticated calls
 */
public record ApiRequest(
        String method,
        String path,
        String template,
        Map<String, String> pathParams,
        Map<String, Object> params,
        Principal principal) {
    public ApiRequest {
        pathParams = Map.copyOf(pathParams);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** A parameter as a string (path parameters first), or {@code null}. */
    public String param(String name) {
        String p = pathParams.get(name);
        if (p != null) {
            return p;
        }
        Object v = params.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return v.toString();
    }

    /** A boolean parameter as PVE reads it (1/0, or JSON true/false), or {@code dflt}. */
    public boolean flag(String name, boolean dflt) {
        String v = param(name);
        return v == null ? dflt : v.equals("1") || v.equals("true");
    }
}
