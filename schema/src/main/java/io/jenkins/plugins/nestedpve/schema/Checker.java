package io.jenkins.plugins.nestedpve.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * check_prop / check_object / check_type of pve-common:src/PVE/JSONSchema.pm, collecting errors
 * per parameter path like add_error does (a second error for one path is appended after the
 * two literal characters {@code \n}). One instance per validation; not thread-safe.
 */
final class Checker {
    static final String NOT_OPTIONAL = "property is missing and it is not optional";
    static final String NOT_DEFINED =
            "property is not defined in schema and the schema does not allow additional properties";

    private final Dialect dialect;
    private final Map<String, String> errors = new TreeMap<>();

    Checker(Dialect dialect) {
        this.dialect = dialect;
    }

    Map<String, String> errors() {
        return errors;
    }

    void addError(String path, String msg) {
        errors.merge(path.isEmpty() ? "_root" : path, msg, (a, b) -> a + "\\n" + b);
    }

    /**
     * check_object: every declared key is checked (missing ones included), then every given key
     * that the schema resolves (e.g. {@code net3} via {@code net[n]}); unknown keys are errors
     * unless additional properties are allowed.
     */
    void checkObject(
            String path,
            Function<String, Prop> lookup,
            Map<String, Prop> declared,
            Map<String, Object> value,
            boolean additionalAllowed) {
        if (dialect.aliasRemap()) {
            remapAliases(path, lookup, value);
        }
        for (Map.Entry<String, Prop> e : declared.entrySet()) {
            checkProp(value.get(e.getKey()), e.getValue(), sub(path, e.getKey()), instanceType(e.getValue(), value));
        }
        for (String k : value.keySet()) {
            Prop p = declared.containsKey(k) ? null : lookup.apply(k);
            if (p != null) {
                checkProp(value.get(k), p, sub(path, k), instanceType(p, value));
            }
        }
        for (String k : value.keySet()) {
            Prop p = lookup.apply(k);
            if (p != null) {
                if (p.requires != null && value.get(p.requires) == null) {
                    addError(sub(path, p.requires), "missing property required by '" + sub(path, k) + "'");
                }
                if (p.oneOf == null || variantMatches(p, instanceType(p, value))) {
                    continue;
                }
            }
            if (!additionalAllowed) {
                addError(sub(path, k), NOT_DEFINED);
            }
        }
    }

    private void remapAliases(String path, Function<String, Prop> lookup, Map<String, Object> value) {
        for (String k : new ArrayList<>(value.keySet())) {
            Prop p = lookup.apply(k);
            if (p == null || p.alias == null) {
                continue;
            }
            if (value.get(p.alias) != null) {
                addError(sub(path, k), "cannot set both '" + k + "' and its alias target '" + p.alias + "'");
            } else {
                value.put(p.alias, value.remove(k));
            }
        }
    }

    private static boolean variantMatches(Prop p, String instanceType) {
        for (Prop alt : p.oneOf) {
            if (alt.instanceTypes == null || alt.instanceTypes.contains(instanceType)) {
                return true;
            }
        }
        return false;
    }

    private static String instanceType(Prop p, Map<String, Object> value) {
        return p.typeProperty == null ? null : nullableStr(value.get(p.typeProperty));
    }

    private static String nullableStr(Object v) {
        return v == null ? null : Perl.str(v);
    }

    private static String sub(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void checkProp(Object value, Prop schema, String path, String instanceType) {
        boolean optionalForType = false;
        if (schema.oneOf != null && !schema.typePropertySchema) {
            Boolean r = checkLegacyOneOf(value, schema, path, instanceType);
            if (r == null) {
                return;
            }
            optionalForType = r;
        } else if (Perl.truthy(instanceType)) {
            if (schema.instanceTypes == null) {
                addError(path, "missing 'instance-types'");
                return;
            }
            optionalForType = !schema.instanceTypes.contains(instanceType);
        }
        if (schema.alias != null) {
            return; // aliases are remapped to their target (8.x: the missing-check skipped them)
        }
        if (value == null) {
            if (!"null".equals(schema.type()) && !schema.optional && !optionalForType) {
                addError(path, NOT_OPTIONAL);
            }
            return;
        }
        String typeError = TypeCheck.error(schema.types, value);
        if (typeError != null) {
            addError(path, typeError);
            return;
        }
        if (Perl.refName(value) != null) {
            checkReference(value, schema, path);
        } else {
            checkScalar((String) value, schema, path);
        }
    }

    /** The oneOf branch of check_prop; returns optional_for_type, or null when done with an error. */
    private Boolean checkLegacyOneOf(Object value, Prop schema, String path, String instanceType) {
        if (schema.typeProperty != null) {
            boolean optionalForType = true;
            for (Prop inner : schema.oneOf) {
                if (!Perl.truthy(instanceType)) {
                    break;
                }
                if (inner.instanceTypes == null) {
                    addError(path, "missing 'instance-types' in oneOf alternative");
                    return null;
                }
                if (inner.instanceTypes.contains(instanceType)) {
                    optionalForType = inner.optional;
                    checkProp(value, inner, path, null);
                }
            }
            return optionalForType;
        }
        List<Checker> failures = new ArrayList<>();
        for (int i = 0; i < schema.oneOf.size(); i++) {
            Checker inner = new Checker(dialect);
            inner.checkProp(value, schema.oneOf.get(i), path + ".oneOf[" + i + "]", null);
            if (inner.errors.isEmpty()) {
                return false;
            }
            failures.add(inner);
        }
        failures.forEach(f -> f.errors.forEach(this::addError));
        return false;
    }

    private void checkReference(Object value, Prop schema, String path) {
        if (value instanceof List<?> list) {
            if (schema.items != null) {
                for (int i = 0; i < list.size(); i++) {
                    checkProp(list.get(i), schema.items, path + "[" + i + "]", null);
                }
            }
        } else if (schema.properties != null || schema.additionalProperties) {
            if (!(value instanceof Map)) {
                addError(path, "an object is required");
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            Map<String, Prop> props = schema.properties == null ? Map.of() : schema.properties;
            boolean allowed = !schema.additionalPropertiesDefined || schema.additionalProperties;
            checkObject(path, props::get, props, map, allowed);
        }
    }

    private void checkScalar(String value, Prop schema, String path) {
        if (schema.allOf || (schema.oneOf != null && schema.typePropertySchema)) {
            addError(path, "value must be an object");
            return;
        }
        if (schema.format != null) {
            try {
                FormatCheck.check(schema.format, value, path, dialect);
            } catch (FormatException e) {
                addError(path, "invalid format - " + e.perlText());
                return;
            }
        }
        if (schema.pattern != null && !schema.pattern.matches(value)) {
            addError(path, "value does not match the regex pattern");
            return;
        }
        if (lengthChecksFail(value, schema, path) || boundChecksFail(value, schema, path)) {
            return;
        }
        if (schema.enumValues != null && !schema.enumValues.contains(value)) {
            addError(
                    path,
                    "value '" + value + "' does not have a value in the enumeration '"
                            + String.join(", ", schema.enumValues) + "'");
        }
    }

    private boolean lengthChecksFail(String value, Prop schema, String path) {
        int length = value.codePointCount(0, value.length()); // Perl counts characters
        if (schema.maxLength != null && length > schema.maxLength) {
            addError(path, "value may only be " + schema.maxLength + " characters long");
            return true;
        }
        if (schema.minLength != null && length < schema.minLength) {
            addError(path, "value must be at least " + schema.minLength + " characters long");
            return true;
        }
        return false;
    }

    private boolean boundChecksFail(String value, Prop schema, String path) {
        if (!Perl.isNumber(value)) {
            return false;
        }
        if (schema.maximum != null && Perl.numeric(value).compareTo(schema.maximum.value()) > 0) {
            addError(path, "value must have a maximum value of " + schema.maximum.text());
            return true;
        }
        if (schema.minimum != null && Perl.numeric(value).compareTo(schema.minimum.value()) < 0) {
            addError(path, "value must have a minimum value of " + schema.minimum.text());
            return true;
        }
        return false;
    }
}
