package io.jenkins.plugins.nestedpve.schema;

import java.util.Map;

/**
 * The schema of one parameter, as the raw (immutable) JSON object from apidata.
 *
 * @param name parameter name as in apidata (e.g. {@code net[n]})
 * @param schema raw schema keys ({@code type}, {@code format}, {@code optional}, ...)
 */
public record ParamSpec(String name, Map<String, Object> schema) {
    public ParamSpec {
        schema = Map.copyOf(schema);
    }

    /** Whether PVE treats the parameter as optional ({@code optional} is 1/true). */
    public boolean optional() {
        Object o = schema.get("optional");
        return o instanceof Boolean b ? b : o instanceof Number n && n.intValue() != 0;
    }

    /** The {@code type}, {@code "string"} when absent. */
    public String type() {
        Object t = schema.get("type");
        return t instanceof String s ? s : "string";
    }
}
