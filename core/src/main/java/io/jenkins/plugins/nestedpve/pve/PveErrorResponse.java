package io.jenkins.plugins.nestedpve.pve;

import java.util.Map;
import java.util.Objects;

/**
 * An HTTP error answer of PVE, decoded from its envelope {@code {"data":null,"message":...,
 * "errors":{...}}} (pve-facts §1.2).
 *
 * @param method HTTP method of the request
 * @param path API path below {@code /api2/json}
 * @param httpStatus status code
 * @param reason first line of {@code message}, which is what PVE puts in the reason phrase; for an
 *     empty body a short description of the status
 * @param message PVE's {@code message} without its trailing newline, or ""
 * @param errors per-parameter errors (400), possibly empty
 */
public record PveErrorResponse(
        String method, String path, int httpStatus, String reason, String message, Map<String, String> errors) {
    public PveErrorResponse {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        reason = reason == null ? "" : reason;
        message = message == null ? "" : message;
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** The most specific text PVE gave: the message, else the reason. */
    public String text() {
        return message.isEmpty() ? reason : message;
    }

    /** {@code "POST /nodes/pve/qemu/100/clone"}. */
    public String request() {
        return method + " " + path;
    }
}
