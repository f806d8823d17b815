package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of a task log.
 *
 * @param n 1-based line number
 * @param text the line
 */
public record TaskLogLine(int n, String text) {
    static TaskLogLine from(JsonNode e) {
        return new TaskLogLine(Json.asInt(e, "n", 0), Json.optString(e, "t").orElse(""));
    }
}
