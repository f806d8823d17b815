package io.jenkins.plugins.nestedpve.sim.http;

import java.util.Map;

/**
 * An error answer of the simulated API, shaped like PVE's: the HTTP status, the message (whose first
 * line becomes the reason phrase) and, for 400, the per-parameter {@code errors} map.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, String> errors;

    public ApiException(int status, String message, Map<String, String> errors) {
        super(message);
        this.status = status;
        this.errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** 500 with the die text, as most synchronous PVE handler errors are. */
    public static ApiException die(String message) {
        return new ApiException(500, message, Map.of());
    }

    /** 400 {@code Parameter verification failed.} naming one parameter. */
    public static ApiException param(String name, String text) {
        return new ApiException(400, "Parameter verification failed.\n", Map.of(name, text));
    }

    /** 403 {@code Permission check failed (...)}. */
    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Permission check failed (" + detail + ")\n", Map.of());
    }

    public int status() {
        return status;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
