package io.jenkins.plugins.nestedpve.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts Jackson trees to immutable plain Java values (Map, List, String, Number, Boolean, null). */
final class RawJson {
    private RawJson() {}

    static Object freeze(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            return object(n);
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            n.forEach(e -> out.add(freeze(e)));
            return Collections.unmodifiableList(out);
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isNumber()) {
            return n.numberValue();
        }
        return n.asText();
    }

    static Map<String, Object> object(JsonNode n) {
        if (n == null || !n.isObject()) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), freeze(e.getValue())));
        return Collections.unmodifiableMap(out);
    }
}
