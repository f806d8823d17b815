package io.jenkins.plugins.nestedpve.sim.http;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answered API request, as the simulator's request log keeps it. Holds no secrets: parameter
 * values named like passwords, tickets, tokens or secrets are {@code **redacted**}.
 *
 * @param ts when the request arrived (server clock)
 * @param server the answering server's address, e.g. {@code 127.77.0.1:8006}
 * @param remote the client's IP address
 * @param method HTTP method
 * @param path the decoded path, below {@code /api2/json} when the request was an API call
 * @param params merged query and body parameters, redacted ({@code {}} when never parsed)
 * @param principal the caller's full id ({@code user@realm} or {@code user@realm!token}), or
 *     {@code null} when not authenticated
 * @param status HTTP status answered
 * @param reason the reason phrase answered
 * @param millis time spent answering, including any authentication-failure delay
 * @param schemaErrors the schema validator's errors when the request failed schema validation
 *     (answered 400 {@code Parameter verification failed.}); empty otherwise
 */
public record LogEntry(
        Instant ts,
        String server,
        String remote,
        String method,
        String path,
        Map<String, Object> params,
        String principal,
        int status,
        String reason,
        long millis,
        Map<String, String> schemaErrors) {
    public LogEntry {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        schemaErrors = Map.copyOf(schemaErrors);
    }

    /** Whether the request was refused by schema validation. */
    public boolean schemaRejected() {
        return !schemaErrors.isEmpty();
    }

    /** The entry as the JSON object written to the log file. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ts", ts.toString());
        m.put("server", server);
        m.put("remote", remote);
        m.put("method", method);
        m.put("path", path);
        m.put("params", params);
        m.put("principal", principal);
        m.put("status", status);
        m.put("reason", reason);
        m.put("millis", millis);
        m.put("schemaRejected", schemaRejected());
        if (schemaRejected()) {
            m.put("schemaErrors", schemaErrors);
        }
        return m;
    }
}
