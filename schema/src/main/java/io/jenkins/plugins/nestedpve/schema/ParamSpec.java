package io.jenkins.plugins.nestedpve.schema;

import java.util.Map;
import java.util.Objects;

/**
 * The schema of one parameter of one API method, as named in apidata ({@code net[n]} stands for
 * {@code net0} .. {@code net31}). Immutable.
 */
public final class ParamSpec {
    private final String name;
    private final Map<String, Object> schema;
    private final int indexCount;
    private final Prop prop;

    ParamSpec(String name, Map<String, Object> schema, int indexCount, Prop prop) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.indexCount = indexCount;
        this.prop = Objects.requireNonNull(prop, "prop");
    }

    /** The name as in apidata, e.g. {@code vmid} or {@code net[n]}. */
    public String name() {
        return name;
    }

    /** The raw apidata schema of the parameter (immutable JSON values: Map, List, String, Number, Boolean). */
    public Map<String, Object> schema() {
        return schema;
    }

    /** The {@code type}, {@code "string"} when absent. */
    public String type() {
        return schema.get("type") instanceof String s ? s : "string";
    }

    /** Whether the parameter may be left out ({@code optional} is 1). */
    public boolean optional() {
        return prop.optional;
    }

    /** Whether this entry stands for indexed names ({@code net[n]}). */
    public boolean indexed() {
        return name.endsWith("[n]");
    }

    /**
     * For an indexed entry, how many names it stands for ({@code net[n]}: 32, i.e. net0..net31);
     * {@link Integer#MAX_VALUE} when the bound is unknown; 1 for a plain parameter.
     */
    public int indexCount() {
        return indexCount;
    }

    Prop prop() {
        return prop;
    }

    @Override
    public String toString() {
        return "ParamSpec[" + name + ": " + schema + "]";
    }
}
