package io.jenkins.plugins.nestedpve.sim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Request parameters as pve-http-server merges them (src/PVE/APIServer/AnyEvent.pm {@code
 * extract_params}): for POST and PUT the body, JSON when the Content-Type is {@code
 * application/json}, else urlencoded; then the query string, overriding body values. {@code _dc}
 * is dropped, and so are values PVE sees as {@code undef} (JSON null, {@code key=}).
 *
 * @param values the merged parameters
 * @param json whether the body was JSON (the validator is lenient about JSON types then)
 */
record Params(Map<String, Object> values, boolean json) {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    /**
     * The body checks PVE makes after authentication; {@code null} when the body is acceptable: no
     * body on GET/DELETE, at most 512 KiB, urlencoded or JSON (AnyEvent.pm {@code
     * authenticate_and_handle_request}).
     */
    static Reply checkBody(HttpRequest request) {
        if (request.contentLength() <= 0) {
            return null;
        }
        String method = request.method();
        if (!method.equals("POST") && !method.equals("PUT")) {
            return Reply.text(501, "Unexpected content for method '" + method + "'");
        }
        if (request.bodyTooLarge()) {
            return Reply.text(501, "for data too large");
        }
        String ctype = request.header("Content-Type");
        String ct = ctype == null ? null : mediaType(ctype);
        if (ct != null && !ct.isEmpty() && !ct.equals(FORM) && !ct.equals(JSON)) {
            return Reply.text(506, "upload 'Content-Type '" + ctype + "' not implemented");
        }
        return null;
    }

    /**
     * Decodes and merges the parameters.
     *
     * @throws IllegalArgumentException with PVE's text when a JSON body does not decode to an object
     */
    static Params extract(HttpRequest request, ObjectMapper mapper) {
        Map<String, Object> values = new LinkedHashMap<>();
        boolean json = false;
        String method = request.method();
        if (method.equals("POST") || method.equals("PUT")) {
            String ctype = request.header("Content-Type");
            if (ctype != null && JSON.equals(mediaType(ctype))) {
                values = decodeJson(request.body(), mapper);
                json = true;
            } else {
                values = FormDecoder.decode(request.body());
            }
        }
        values.putAll(FormDecoder.decode(request.rawQuery()));
        values.remove("_dc"); // the "disable cache" parameter
        values.values().removeIf(Objects::isNull);
        return new Params(values, json);
    }

    /** AnyEvent.pm {@code parse_content_type}: the part before the first {@code ;} or {@code ,}. */
    static String mediaType(String contentType) {
        String[] parts = contentType.split("\\s*[;,]\\s*", -1);
        return parts.length == 0 ? "" : parts[0];
    }

    // PVE calls decode_json on the raw body: an empty JSON body fails, and so does a non-object.
    private static Map<String, Object> decodeJson(byte[] body, ObjectMapper mapper) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("malformed JSON string: " + firstLine(e), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException(
                    "malformed JSON string, neither tag, array, object, number, string or atom, at character offset 0 (before \"(end of string)\")");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(
                    node.isArray() ? "Not a HASH reference" : "JSON text must be an object or array");
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = mapper.treeToValue(node, LinkedHashMap.class);
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON string: " + firstLine(e), e);
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
