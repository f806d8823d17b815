package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tolerant readers for PVE's JSON, whose scalar types drift because Perl decides them (pve-facts
 * §1.2, trap 6): a number may arrive as a number or a numeric string, a boolean as {@code 1}/{@code
 * 0}, {@code "1"}/{@code "0"}/{@code ""} or {@code true}/{@code false}. Absent and {@code null}
 * fields read as "not there".
 */
public final class Json {
    private Json() {}

    /** The field, or empty when absent, JSON null, or an empty string. */
    public static Optional<JsonNode> field(JsonNode obj, String name) {
        JsonNode v = obj == null ? null : obj.get(name);
        if (v == null
                || v.isNull()
                || v.isMissingNode()
                || (v.isTextual() && v.asText().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** A number or numeric string as a long (fractions are cut off, e.g. {@code "2400.000"}). */
    public static long asLong(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return (long) value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? 1 : 0;
        }
        String t = value.asText().strip();
        try {
            return t.contains(".") ? (long) Double.parseDouble(t) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PVE sent '" + t + "' where a number was expected", e);
        }
    }

    /** An optional numeric field. */
    public static OptionalLong optLong(JsonNode obj, String name) {
        Optional<JsonNode> v = field(obj, name);
        return v.isPresent() ? OptionalLong.of(asLong(v.get())) : OptionalLong.empty();
    }

    /** A numeric field, or {@code dflt} when absent. */
    public static long asLong(JsonNode obj, String name, long dflt) {
        return optLong(obj, name).orElse(dflt);
    }

    /** A numeric field as an int, or {@code dflt} when absent. */
    public static int asInt(JsonNode obj, String name, int dflt) {
        return Math.toIntExact(asLong(obj, name, dflt));
    }

    /** A floating-point field (e.g. a CPU fraction), or {@code dflt} when absent. */
    public static double asDouble(JsonNode obj, String name, double dflt) {
        Optional<JsonNode> v = field(obj, name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            return v.get().isNumber()
                    ? v.get().asDouble()
                    : Double.parseDouble(v.get().asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "PVE sent '" + v.get().asText() + "' for '" + name + "' where a number was expected", e);
        }
    }

    /**
     * A boolean value: {@code true}/{@code false}, {@code 1}/{@code 0}, {@code "1"}/{@code "0"},
     * {@code "true"}/{@code "false"}; an empty string is false (PVE's {@code hvm: ""}).
     */
    public static boolean asBool(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asDouble() != 0;
        }
        String t = value.asText().strip();
        return switch (t) {
            case "1", "true", "yes", "on" -> true;
            case "", "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("PVE sent '" + t + "' where a boolean was expected");
        };
    }

    /** A boolean field, or {@code dflt} when absent (an empty string counts as false, not absent). */
    public static boolean asBool(JsonNode obj, String name, boolean dflt) {
        JsonNode v = obj == null ? null : obj.get(name);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return dflt;
        }
        return asBool(v);
    }

    /** A scalar field as text (numbers as their decimal text), or {@code null} when absent or empty. */
    public static String asString(JsonNode obj, String name) {
        return optString(obj, name).orElse(null);
    }

    /** A scalar field as text, empty when absent or empty. */
    public static Optional<String> optString(JsonNode obj, String name) {
        return field(obj, name).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }

    /** An array field of scalars as strings; an absent field is an empty list. */
    public static List<String> asStringList(JsonNode obj, String name) {
        List<String> out = new ArrayList<>();
        field(obj, name).filter(JsonNode::isArray).ifPresent(a -> a.forEach(e -> out.add(e.asText())));
        return List.copyOf(out);
    }

    /** The elements of an array node (empty for anything else). */
    public static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }
}
