package io.jenkins.plugins.nestedpve.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What PVE does with a request's parameters before the handler runs: the URI-parameter
 * conflict check of pve-manager:PVE/HTTPServer.pm rest_handler, the legacy normalization of
 * pve-common:src/PVE/RESTHandler.pm handle ($normalize_legacy_param_formats) and
 * JSONSchema.pm validate.
 */
final class RequestValidator {
    static final String CONFLICT = "duplicate parameter (already defined in URI) with conflicting values!";

    private RequestValidator() {}

    static Map<String, String> validate(Route route, Map<String, ?> params, boolean jsonBody, Dialect dialect) {
        MethodSpec spec = route.spec();
        Map<String, Object> given = new LinkedHashMap<>();
        params.forEach((k, v) -> given.put(k, toPerl(v, jsonBody)));
        for (String p : new TreeSet<>(given.keySet())) {
            String uriValue = route.pathParams().get(p);
            if (uriValue != null && !uriValue.equals(Perl.str(given.get(p)))) {
                return Map.of(p, CONFLICT);
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>(route.pathParams());
        merged.putAll(given);
        normalize(spec, merged);
        Checker checker = new Checker(dialect);
        // apidata drops empty 'properties'; PVE's schemas declare them, so always check the object
        checker.checkObject(
                "",
                k -> spec.parameter(k).map(ParamSpec::prop).orElse(null),
                declared(spec),
                merged,
                spec.additionalProperties());
        return Collections.unmodifiableMap(checker.errors());
    }

    private static Map<String, Prop> declared(MethodSpec spec) {
        Map<String, Prop> out = new LinkedHashMap<>();
        spec.parameters().forEach((name, p) -> {
            if (!p.indexed()) {
                out.put(name, p.prop());
            }
        });
        return out;
    }

    // $normalize_legacy_param_formats: join arrays for '-list' string formats, wrap scalars for arrays
    private static void normalize(MethodSpec spec, Map<String, Object> param) {
        for (Map.Entry<String, Object> e : param.entrySet()) {
            Object value = e.getValue();
            Prop prop = spec.parameter(e.getKey()).map(ParamSpec::prop).orElse(null);
            if (prop == null || !Perl.truthy(value)) {
                continue;
            }
            String type = prop.type();
            String format = prop.format == null ? null : prop.format.name();
            if (value instanceof List<?> list && "string".equals(type) && format != null && format.endsWith("-list")) {
                List<String> parts = new ArrayList<>();
                list.forEach(o -> parts.add(Perl.str(o)));
                e.setValue(String.join(",", parts));
            } else if (Perl.refName(value) == null && "array".equals(type)) {
                List<Object> wrapped = new ArrayList<>();
                wrapped.add(value);
                e.setValue(wrapped);
            }
        }
    }

    /** A Java request value as Perl holds it after pve-http-server decoded the request. */
    static Object toPerl(Object v, boolean json) {
        if (v == null || v instanceof String) {
            return v;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(o -> out.add(toPerl(o, json)));
            return out;
        }
        if (json && v instanceof Boolean b) {
            return b ? Perl.JsonBool.TRUE : Perl.JsonBool.FALSE;
        }
        if (v instanceof Number n) {
            return Perl.numberText(n);
        }
        if (json && v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, o) -> out.put(String.valueOf(k), toPerl(o, json)));
            return out;
        }
        return String.valueOf(v);
    }
}
