package io.jenkins.plugins.nestedpve.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the upgrade checker's output (pve-facts §7, §13.2): ANSI colour codes stripped (they are
 * printed whether or not stdout is a TTY), the {@code = SUMMARY =} counters read (the exit code is 0
 * even with failures), every {@code FAIL:} and {@code WARN:} line kept.
 */
final class CheckerOutput {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
    private static final Pattern COUNTER = Pattern.compile("^(TOTAL|PASSED|SKIPPED|WARNINGS|FAILURES):\\s+(\\d+)\\s*$");
    private static final Pattern UPGRADED = Pattern.compile("^PASS: already upgraded to Proxmox VE \\d+");

    private CheckerOutput() {}

    /** {@code text} without ANSI escape sequences. */
    static String stripAnsi(String text) {
        return ANSI.matcher(text).replaceAll("");
    }

    /**
     * Parses one run's output.
     *
     * @return empty when the output has no {@code FAILURES:} counter (the checker did not finish)
     */
    static Optional<CheckerSummary> parse(String node, boolean afterUpgrade, String output) {
        int[] counters = {-1, -1, -1, -1, -1};
        List<CheckerFinding> findings = new ArrayList<>();
        boolean upgraded = false;
        for (String raw : stripAnsi(output).split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("FAIL: ")) {
                findings.add(finding(node, afterUpgrade, CheckerFinding.Severity.FAIL, line));
            } else if (line.startsWith("WARN: ")) {
                findings.add(finding(node, afterUpgrade, CheckerFinding.Severity.WARN, line));
            } else if (UPGRADED.matcher(line).find()) {
                upgraded = true;
            } else {
                Matcher m = COUNTER.matcher(line);
                if (m.matches()) {
                    counters[index(m.group(1))] = Integer.parseInt(m.group(2));
                }
            }
        }
        if (counters[4] < 0) {
            return Optional.empty();
        }
        return Optional.of(new CheckerSummary(
                node,
                afterUpgrade,
                Math.max(0, counters[0]),
                Math.max(0, counters[1]),
                Math.max(0, counters[2]),
                Math.max(0, counters[3]),
                counters[4],
                findings,
                upgraded));
    }

    private static CheckerFinding finding(String node, boolean after, CheckerFinding.Severity s, String line) {
        return new CheckerFinding(node, after, s, line.substring(6).strip());
    }

    private static int index(String counter) {
        return switch (counter) {
            case "TOTAL" -> 0;
            case "PASSED" -> 1;
            case "SKIPPED" -> 2;
            case "WARNINGS" -> 3;
            default -> 4;
        };
    }
}
