package io.jenkins.plugins.nestedpve.schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One compiled JSON-schema node (a parameter, a property-string sub-key or an array item), holding
 * exactly what pve-common:src/PVE/JSONSchema.pm check_prop looks at. Immutable.
 */
final class Prop {
    /** A numeric bound with the text PVE prints in its message. */
    record Bound(BigDecimal value, String text) {}

    final List<String> types; // null: no 'type'; one entry, or a union
    final boolean optional;
    final String alias;
    final String keyAlias;
    final boolean defaultKey;
    final FormatRef format;
    final PerlRegex pattern;
    final Bound minimum;
    final Bound maximum;
    final Integer minLength;
    final Integer maxLength;
    final List<String> enumValues;
    final Prop items;
    final Map<String, Prop> properties; // null unless the schema has 'properties'
    final boolean additionalProperties; // Perl-true 'additionalProperties'
    final boolean additionalPropertiesDefined;
    final String requires;
    final String typeProperty;
    final List<String> instanceTypes;
    final List<Prop> oneOf;
    final boolean typePropertySchema;
    final boolean allOf;

    private Prop(Builder b) {
        types = b.types == null ? null : List.copyOf(b.types);
        optional = b.optional;
        alias = b.alias;
        keyAlias = b.keyAlias;
        defaultKey = b.defaultKey;
        format = b.format;
        pattern = b.pattern;
        minimum = b.minimum;
        maximum = b.maximum;
        minLength = b.minLength;
        maxLength = b.maxLength;
        enumValues = b.enumValues == null ? null : List.copyOf(b.enumValues);
        items = b.items;
        properties = b.properties == null ? null : Map.copyOf(b.properties);
        additionalProperties = b.additionalProperties;
        additionalPropertiesDefined = b.additionalPropertiesDefined;
        requires = b.requires;
        typeProperty = b.typeProperty;
        instanceTypes = b.instanceTypes == null ? null : List.copyOf(b.instanceTypes);
        oneOf = b.oneOf == null ? null : List.copyOf(b.oneOf);
        typePropertySchema = b.typePropertySchema;
        allOf = b.allOf;
    }

    /** The single type name, or null when absent or a union. */
    String type() {
        return types != null && types.size() == 1 ? types.get(0) : null;
    }

    /** Mutable collector used only while compiling. */
    static final class Builder {
        List<String> types;
        boolean optional;
        String alias;
        String keyAlias;
        boolean defaultKey;
        FormatRef format;
        PerlRegex pattern;
        Bound minimum;
        Bound maximum;
        Integer minLength;
        Integer maxLength;
        List<String> enumValues;
        Prop items;
        Map<String, Prop> properties;
        boolean additionalProperties;
        boolean additionalPropertiesDefined;
        String requires;
        String typeProperty;
        List<String> instanceTypes;
        List<Prop> oneOf;
        boolean typePropertySchema;
        boolean allOf;

        Prop build() {
            return new Prop(this);
        }
    }
}
