package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET .../agent/exec-status?pid=N}.
 *
 * @param exited whether the process has ended
 * @param exitCode its exit code, or {@code null} while running or when killed by a signal
 * @param signal the terminating signal, or {@code null}
 * @param outData captured stdout, or ""
 * @param errData captured stderr, or ""
 */
public record AgentExecStatus(boolean exited, Integer exitCode, Integer signal, String outData, String errData) {
    static AgentExecStatus from(JsonNode data) {
        return new AgentExecStatus(
                Json.asBool(data, "exited", false),
                Json.field(data, "exitcode").map(v -> (int) Json.asLong(v)).orElse(null),
                Json.field(data, "signal").map(v -> (int) Json.asLong(v)).orElse(null),
                Json.optString(data, "out-data").orElse(""),
                Json.optString(data, "err-data").orElse(""));
    }
}
