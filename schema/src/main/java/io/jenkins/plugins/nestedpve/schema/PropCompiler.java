package io.jenkins.plugins.nestedpve.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.PatternSyntaxException;

/** Compiles apidata JSON-schema nodes into {@link Prop}s, resolving named formats. */
final class PropCompiler {
    private final Function<String, FormatRef> formats;
    private final List<String> badPatterns = new ArrayList<>();

    /** @param formats resolves a format name (with optional -list/-opt suffix) */
    PropCompiler(Function<String, FormatRef> formats) {
        this.formats = formats;
    }

    /** Patterns that could not be translated to Java (they are then not checked). */
    List<String> badPatterns() {
        return List.copyOf(badPatterns);
    }

    Prop compile(JsonNode n) {
        Prop.Builder b = new Prop.Builder();
        b.types = types(n.get("type"));
        b.optional = truthy(n.get("optional"));
        b.alias = text(n.get("alias"));
        b.keyAlias = text(n.get("keyAlias"));
        b.defaultKey = truthy(n.get("default_key"));
        b.format = format(n.get("format"));
        b.pattern = pattern(n.get("pattern"));
        b.minimum = bound(n.get("minimum"));
        b.maximum = bound(n.get("maximum"));
        b.minLength = length(n.get("minLength"));
        b.maxLength = length(n.get("maxLength"));
        b.enumValues = texts(n.get("enum"));
        b.items = n.has("items") && n.get("items").isObject() ? compile(n.get("items")) : null;
        b.properties = n.has("properties") ? compileAll(n.get("properties")) : null;
        JsonNode ap = n.get("additionalProperties");
        b.additionalPropertiesDefined = ap != null && !ap.isNull();
        b.additionalProperties = ap != null && (ap.isObject() || truthy(ap));
        b.requires = text(n.get("requires"));
        b.typeProperty = text(n.get("type-property"));
        b.instanceTypes = texts(n.get("instance-types"));
        b.oneOf = n.has("oneOf") ? compileList(n.get("oneOf")) : null;
        b.typePropertySchema = n.has("type-property-schema");
        b.allOf = n.has("allOf");
        return b.build();
    }

    Map<String, Prop> compileAll(JsonNode properties) {
        Map<String, Prop> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                out.put(e.getKey(), compile(e.getValue()));
            }
        }
        return out;
    }

    private List<Prop> compileList(JsonNode array) {
        List<Prop> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isObject()) {
                out.add(compile(n));
            }
        }
        return out;
    }

    private FormatRef format(JsonNode f) {
        if (f == null || f.isNull()) {
            return null;
        }
        if (f.isObject()) {
            return FormatRef.inline(new HashFormat(compileAll(f), null));
        }
        return f.isTextual() && !f.asText().isEmpty() ? formats.apply(f.asText()) : null;
    }

    private PerlRegex pattern(JsonNode p) {
        if (p == null || !p.isTextual()) {
            return null;
        }
        try {
            return PerlRegex.anchored(p.asText());
        } catch (PatternSyntaxException e) {
            badPatterns.add(p.asText());
            return null;
        }
    }

    static boolean truthy(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isNumber()) {
            return n.decimalValue().signum() != 0;
        }
        String s = n.asText();
        return !s.isEmpty() && !"0".equals(s);
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static List<String> types(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isArray() ? texts(n) : List.of(n.asText());
    }

    private static List<String> texts(JsonNode n) {
        if (n == null || !n.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.isNumber() ? Perl.numberText(e.numberValue()) : e.asText()));
        return out;
    }

    private static Prop.Bound bound(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        String text = n.isNumber() ? Perl.numberText(n.numberValue()) : n.asText();
        if (!Perl.isNumber(text)) {
            return null;
        }
        return new Prop.Bound(Perl.numeric(text), text);
    }

    private static Integer length(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        String t = n.isNumber() ? Perl.numberText(n.numberValue()) : n.asText();
        return Perl.isInteger(t) ? new BigDecimal(t.trim()).intValueExact() : null;
    }
}
