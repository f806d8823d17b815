package io.jenkins.plugins.nestedpve.schema;

import java.util.Map;

/**
 * One method of one API path as the official schema describes it.
 *
 * @param method HTTP method in upper case
 * @param template path template below {@code /api2/json}
 * @param allowToken whether API tokens may call it ({@code allowtoken}; true when absent)
 * @param protectedCall whether PVE proxies it to the privileged daemon ({@code protected})
 * @param permissions the raw {@code permissions} object (possibly empty)
 * @param parameters parameter name to its schema; names as in apidata, e.g. {@code net[n]}
 * @param additionalProperties whether parameters not in {@code parameters} are allowed
 */
public record MethodSpec(
        String method,
        String template,
        boolean allowToken,
        boolean protectedCall,
        Map<String, Object> permissions,
        Map<String, ParamSpec> parameters,
        boolean additionalProperties) {
    public MethodSpec {
        permissions = Map.copyOf(permissions);
        parameters = Map.copyOf(parameters);
    }
}
