package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@link UpgradeReport#summaryText()} and {@link UpgradeReport#timelineText()}. */
final class ReportText {
    private ReportText() {}

    static String summary(UpgradeReport r) {
        StringBuilder b = new StringBuilder();
        b.append("Upgrade trial of ")
                .append(r.cluster())
                .append(" to ")
                .append(r.target())
                .append(" (")
                .append(r.strategy().label())
                .append(", checker ")
                .append(r.checkerMode().label())
                .append("): ")
                .append(r.passed() ? "PASSED" : "FAILED")
                .append(" in ")
                .append(Durations.human(r.duration()))
                .append('\n');
        r.failureMessage().ifPresent(f -> b.append("  ").append(f).append('\n'));
        int width = Math.max(
                4, r.nodes().stream().mapToInt(n -> n.node().length()).max().orElse(4));
        String row = "%-" + width + "s  %-9s  %-8s  %s%n";
        b.append(String.format(Locale.ROOT, row, "node", "outcome", "time", "pveversion before -> after"));
        for (NodeReport n : r.nodes()) {
            b.append(String.format(
                    Locale.ROOT,
                    row,
                    n.node(),
                    n.outcome().name().toLowerCase(Locale.ROOT),
                    Durations.human(n.duration()),
                    orDash(n.versionBefore())));
            b.append(String.format(Locale.ROOT, row, "", "", "", "-> " + orDash(n.versionAfter())));
        }
        List<CheckerFinding> findings = r.findings();
        long fails = findings.stream()
                .filter(f -> f.severity() == CheckerFinding.Severity.FAIL)
                .count();
        b.append("checker: ")
                .append(fails)
                .append(" FAIL, ")
                .append(findings.size() - fails)
                .append(" WARN line(s)\n");
        findings.forEach(f -> b.append("  ")
                .append(f.node())
                .append(f.afterUpgrade() ? " (after): " : ": ")
                .append(f.line())
                .append('\n'));
        for (GuestDowntime g : r.guests()) {
            b.append("guest ")
                    .append(g.name())
                    .append(' ')
                    .append(g.homeNode())
                    .append(" -> ")
                    .append(g.finalNode())
                    .append(": down ")
                    .append(Durations.human(g.downtime()))
                    .append(" (longest ")
                    .append(Durations.human(g.longestOutage()))
                    .append(')')
                    .append(g.runningAtEnd() ? ", running" : ", NOT running")
                    .append(g.exceeded() ? ", over the limit of " + Durations.human(g.limit()) : "")
                    .append('\n');
        }
        return b.toString();
    }

    static String timeline(UpgradeReport r) {
        StringBuilder b = new StringBuilder();
        for (StepResult s : r.timeline()) {
            Duration offset = Duration.between(r.started(), s.started());
            b.append(String.format(
                    Locale.ROOT,
                    "+%-8s %-20s %-16s %-9s %s%n",
                    Durations.human(offset),
                    s.node() == null ? "(cluster)" : s.node(),
                    s.name(),
                    s.outcome().name().toLowerCase(Locale.ROOT),
                    Durations.human(s.duration())));
        }
        return b.toString();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
