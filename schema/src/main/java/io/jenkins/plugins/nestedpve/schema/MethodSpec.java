package io.jenkins.plugins.nestedpve.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One method of one API path as the official schema describes it.
 *
 * @param method HTTP method in upper case
 * @param template path template below {@code /api2/json}, e.g. {@code /nodes/{node}/qemu/{vmid}}
 * @param name the handler name in PVE, e.g. {@code clone_vm}
 * @param allowToken whether API tokens may call it ({@code allowtoken}; true when absent)
 * @param protectedCall whether PVE runs it in the privileged daemon ({@code protected})
 * @param proxyTo the parameter naming the node the call is proxied to ({@code proxyto}), or null
 * @param permissions the raw {@code permissions} object (possibly empty)
 * @param parameters parameter name to its schema; names as in apidata, e.g. {@code net[n]}
 * @param additionalProperties whether parameters not in the schema are accepted (PVE: only
 *     when {@code additionalProperties} is absent or true)
 */
public record MethodSpec(
        String method,
        String template,
        String name,
        boolean allowToken,
        boolean protectedCall,
        String proxyTo,
        Map<String, Object> permissions,
        Map<String, ParamSpec> parameters,
        boolean additionalProperties) {
    public MethodSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        permissions = Collections.unmodifiableMap(new LinkedHashMap<>(permissions));
        parameters = Map.copyOf(parameters);
    }

    /** The schema of a concrete parameter name: {@code net3} resolves to {@code net[n]} within its bound. */
    public Optional<ParamSpec> parameter(String concreteName) {
        ParamSpec direct = parameters.get(concreteName);
        if (direct != null) {
            return Optional.of(direct);
        }
        String key = IndexedParams.collapsedKey(concreteName, parameters);
        return Optional.ofNullable(key == null ? null : parameters.get(key));
    }

    /**
     * Named formats used by this method's parameters (property-string sub-keys included) that the
     * validator does not implement and therefore accepts unchecked.
     */
    public Set<String> unimplementedFormats() {
        Set<String> out = new TreeSet<>();
        parameters.values().forEach(p -> collect(p.prop(), out));
        return out;
    }

    private static void collect(Prop p, Set<String> out) {
        if (p == null) {
            return;
        }
        if (p.format != null) {
            if (!p.format.implemented()) {
                out.add(p.format.name());
            } else if (p.format.hash() != null) {
                p.format.hash().properties().values().forEach(s -> collect(s, out));
            }
        }
        collect(p.items, out);
        if (p.properties != null) {
            p.properties.values().forEach(s -> collect(s, out));
        }
        if (p.oneOf != null) {
            p.oneOf.forEach(s -> collect(s, out));
        }
    }
}
