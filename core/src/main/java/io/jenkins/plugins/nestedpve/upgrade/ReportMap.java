package io.jenkins.plugins.nestedpve.upgrade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link UpgradeReport#summaryMap()}: plain values a Pipeline can hold. */
final class ReportMap {
    private ReportMap() {}

    static Map<String, Object> of(UpgradeReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", r.passed());
        m.put("cluster", r.cluster());
        m.put("target", r.target());
        m.put("strategy", r.strategy().label());
        m.put("checker", r.checkerMode().label());
        m.put("durationSeconds", r.duration().toSeconds());
        r.failureMessage().ifPresent(f -> m.put("failure", f));
        List<Object> nodes = new ArrayList<>();
        for (NodeReport n : r.nodes()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", n.node());
            node.put("outcome", n.outcome().name().toLowerCase(Locale.ROOT));
            node.put("before", n.versionBefore() == null ? "" : n.versionBefore());
            node.put("after", n.versionAfter() == null ? "" : n.versionAfter());
            node.put("durationSeconds", n.duration().toSeconds());
            Map<String, Object> steps = new LinkedHashMap<>();
            n.steps().forEach(s -> steps.put(s.name(), s.outcome().name().toLowerCase(Locale.ROOT)));
            node.put("steps", steps);
            nodes.add(node);
        }
        m.put("nodes", nodes);
        m.put("checkerFailures", lines(r, CheckerFinding.Severity.FAIL));
        m.put("checkerWarnings", lines(r, CheckerFinding.Severity.WARN));
        List<Object> guests = new ArrayList<>();
        for (GuestDowntime g : r.guests()) {
            Map<String, Object> guest = new LinkedHashMap<>();
            guest.put("name", g.name());
            guest.put("homeNode", g.homeNode());
            guest.put("finalNode", g.finalNode() == null ? "" : g.finalNode());
            guest.put("downtimeMillis", g.downtime().toMillis());
            guest.put("runningAtEnd", g.runningAtEnd());
            guests.add(guest);
        }
        m.put("guests", guests);
        return m;
    }

    private static List<Object> lines(UpgradeReport r, CheckerFinding.Severity severity) {
        List<Object> out = new ArrayList<>();
        r.findings().stream()
                .filter(f -> f.severity() == severity)
                .forEach(f -> out.add(f.node() + (f.afterUpgrade() ? " (after)" : "") + ": " + f.line()));
        return out;
    }
}
