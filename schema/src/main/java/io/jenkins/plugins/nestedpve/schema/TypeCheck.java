package io.jenkins.plugins.nestedpve.schema;

import java.util.List;

/** check_type of pve-common:src/PVE/JSONSchema.pm, as a message (null when the type matches). */
final class TypeCheck {
    private TypeCheck() {}

    static String error(List<String> types, Object value) {
        if (types == null) {
            return null;
        }
        if (types.size() == 1) {
            return single(types.get(0), value);
        }
        for (String t : types) {
            if (single(t, value) == null) {
                return null;
            }
        }
        return "type check ('" + String.join("|", types) + "') failed";
    }

    private static String single(String type, Object value) {
        String ref = Perl.refName(value);
        switch (type) {
            case "any":
                return null;
            case "null":
                return "type check ('null') failed - value is not null";
            case "array":
                return "ARRAY".equals(ref) ? null : "type check ('array') failed";
            case "object":
                return "HASH".equals(ref) ? null : "type check ('object') failed";
            case "coderef":
                return "type check ('coderef') failed";
            default:
                return ref != null ? reference(type, value, ref) : scalar(type, (String) value);
        }
    }

    // a JSON boolean is a blessed reference that passes only as 'boolean'
    private static String reference(String type, Object value, String ref) {
        if ("boolean".equals(type) && value instanceof Perl.JsonBool) {
            return null;
        }
        return "type check ('" + type + "') failed - got " + ref;
    }

    private static String scalar(String type, String value) {
        boolean ok;
        switch (type) {
            case "boolean" -> ok = "1".equals(value) || "0".equals(value);
            case "integer" -> ok = Perl.isInteger(value);
            case "number" -> ok = Perl.isNumber(value);
            default -> ok = true; // 'string' and unknown types are not checked
        }
        return ok ? null : "type check ('" + type + "') failed - got '" + value + "'";
    }
}
