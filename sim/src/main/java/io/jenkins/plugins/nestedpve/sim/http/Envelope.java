package io.jenkins.plugins.nestedpve.sim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The json formatter (pve-http-server:src/PVE/APIServer/Formatter/Standard.pm): {@code {"data":...}}
 * on success, plus {@code total} when non-zero and {@code changes}; {@code {"data":null,
 * "message":"...", "errors":{...}}} on error, {@code errors} only when there are any.
 */
final class Envelope {
    private final ObjectMapper mapper;

    Envelope(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** 200 with the handler's result ({@link ApiResult} adds total/changes). */
    Reply success(Object result) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (result instanceof ApiResult r) {
            body.put("data", r.data());
            if (r.total() != null && r.total() != 0) {
                body.put("total", r.total());
            }
            if (r.changes() != null) {
                body.put("changes", r.changes());
            }
        } else {
            body.put("data", result);
        }
        return Reply.json(200, null, mapper.writeValueAsBytes(body), Map.of());
    }

    /** An error answer; {@code message} is sent as given (keep its trailing newline). */
    Reply error(int status, String message, Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", null);
        body.put("message", message);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        try {
            return Reply.json(status, message, mapper.writeValueAsBytes(body), errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode an error envelope", e);
        }
    }

    /** An error from a handler or hook; like PVE's {@code die}, the message gets a final newline. */
    Reply error(ApiException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return error(e.status(), withNewline(message), e.errors());
    }

    static String withNewline(String message) {
        return message.endsWith("\n") ? message : message + "\n";
    }
}
