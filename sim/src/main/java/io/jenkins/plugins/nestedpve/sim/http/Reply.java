package io.jenkins.plugins.nestedpve.sim.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One response before it is written: status, the full message (its first line becomes the reason
 * phrase), the body and whether PVE's 401 penalty delay applies.
 *
 * @param status HTTP status
 * @param message the message; {@code null} means the standard reason phrase
 * @param contentType the Content-Type header, or {@code null} for none (PVE sends none on its plain
 *     error answers)
 * @param body the body bytes, possibly empty
 * @param delayed whether the answer waits for the authentication-failure delay first
 * @param errors the parameter errors carried in a JSON error body (for the request log)
 */
record Reply(int status, String message, String contentType, byte[] body, boolean delayed, Map<String, String> errors) {
    static final String JSON = "application/json;charset=UTF-8";

    Reply {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** An answer without a body, as PVE sends for failed authentication. */
    static Reply empty(int status, String message) {
        return new Reply(status, message, null, new byte[0], false, Map.of());
    }

    /**
     * PVE's {@code $self->error(...)}: the message is also the body, with no Content-Type
     * (pve-http-server:src/PVE/APIServer/AnyEvent.pm {@code error}).
     */
    static Reply text(int status, String message) {
        return new Reply(status, message, null, message.getBytes(StandardCharsets.UTF_8), false, Map.of());
    }

    /** A JSON answer from the formatter. */
    static Reply json(int status, String message, byte[] body, Map<String, String> errors) {
        return new Reply(status, message, JSON, body, false, errors);
    }

    /** No answer at all: the connection is closed (logged with status 0). */
    static Reply dropped() {
        return new Reply(
                FaultHook.DROP_CONNECTION, "connection dropped (simulated)", null, new byte[0], false, Map.of());
    }

    /** Whether the connection is closed instead of answering. */
    boolean isDropped() {
        return status == FaultHook.DROP_CONNECTION;
    }

    /** The same answer, sent only after the authentication-failure delay. */
    Reply withDelay() {
        return new Reply(status, message, contentType, body, true, errors);
    }

    /**
     * The reason phrase: the first line of the message, or the standard text when there is none.
     * PVE answers 400 {@code Bad Request} when a CR remains in it (AnyEvent.pm {@code response}).
     */
    String reason() {
        if (message == null || message.isEmpty()) {
            return StatusTexts.of(status);
        }
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        return first.isEmpty() ? StatusTexts.of(status) : first;
    }
}
