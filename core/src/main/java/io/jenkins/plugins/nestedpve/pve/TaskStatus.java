package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /nodes/{node}/tasks/{upid}/status} (pve-facts §2.3).
 *
 * @param upid the task
 * @param status {@code running} or {@code stopped}
 * @param exitStatus {@code OK}, {@code WARNINGS: n} or the error text; {@code null} while running
 */
public record TaskStatus(Upid upid, String status, String exitStatus) {
    private static final Pattern WARNINGS = Pattern.compile("WARNINGS: (\\d+)");

    static TaskStatus from(Upid upid, JsonNode data) {
        return new TaskStatus(
                upid, Json.optString(data, "status").orElse("unknown"), Json.asString(data, "exitstatus"));
    }

    /** Whether the task has ended. */
    public boolean stopped() {
        return "stopped".equals(status);
    }

    /** Whether the task ended successfully: {@code OK} or {@code WARNINGS: n}. */
    public boolean succeeded() {
        return stopped() && ("OK".equals(exitStatus) || warnings().isPresent());
    }

    /** The warning count of {@code WARNINGS: n}; empty for any other exit status. */
    public OptionalInt warnings() {
        if (exitStatus == null) {
            return OptionalInt.empty();
        }
        Matcher m = WARNINGS.matcher(exitStatus.strip());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
