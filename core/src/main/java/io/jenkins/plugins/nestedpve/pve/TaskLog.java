package io.jenkins.plugins.nestedpve.pve;

import java.util.List;

/**
 * A page of a task log (pve-facts §2.4): an empty log is the single line {@code no content}.
 *
 * @param lines the lines of this page
 * @param total number of lines in the whole log
 */
public record TaskLog(List<TaskLogLine> lines, int total) {
    public TaskLog {
        lines = List.copyOf(lines);
    }

    /** The line texts of this page. */
    public List<String> texts() {
        return lines.stream().map(TaskLogLine::text).toList();
    }
}
