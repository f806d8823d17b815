package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Outcome;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@link UpgradeReport#toJUnitXml()}: the JUnit XML that Jenkins' {@code junit} step reads. */
final class JUnitXml {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /** One {@code testcase}. */
    private record Case(String classname, String name, Duration time, Outcome outcome, String failure, String out) {}

    private JUnitXml() {}

    static String render(UpgradeReport r) {
        List<String> suites = new ArrayList<>();
        int tests = 0;
        int failures = 0;
        for (NodeReport n : r.nodes()) {
            List<Case> cases = nodeCases(n);
            suites.add(suite(n.node(), r, cases));
            tests += cases.size();
            failures += failed(cases);
        }
        if (!r.clusterSteps().isEmpty()) {
            List<Case> cases =
                    r.clusterSteps().stream().map(s -> stepCase("cluster", s)).toList();
            suites.add(suite("cluster", r, cases));
            tests += cases.size();
            failures += failed(cases);
        }
        if (!r.guests().isEmpty()) {
            List<Case> cases = r.guests().stream().map(JUnitXml::guestCase).toList();
            suites.add(suite("workload", r, cases));
            tests += cases.size();
            failures += failed(cases);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"")
                .append(attr("upgrade trial of " + r.cluster() + " to " + r.target()))
                .append("\" tests=\"")
                .append(tests)
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"0\" time=\"")
                .append(seconds(r.duration()))
                .append("\">\n");
        suites.forEach(xml::append);
        return xml.append("</testsuites>\n").toString();
    }

    private static List<Case> nodeCases(NodeReport n) {
        List<Case> cases = new ArrayList<>();
        n.steps().forEach(s -> cases.add(stepCase(n.node(), s)));
        for (CheckerFinding f : n.findings()) {
            boolean fail = f.severity() == CheckerFinding.Severity.FAIL;
            cases.add(new Case(
                    n.node() + ".checker",
                    (f.afterUpgrade() ? "after: " : "before: ") + f.line(),
                    Duration.ZERO,
                    fail ? Outcome.FAILED : Outcome.SUCCEEDED,
                    fail ? "pve8to9 on " + n.node() + ": " + f.line() : null,
                    f.line()));
        }
        return cases;
    }

    private static Case stepCase(String suite, StepResult s) {
        return new Case(suite, s.name(), s.duration(), s.outcome(), s.failure(), s.outputTail());
    }

    private static Case guestCase(GuestDowntime g) {
        String text = g.name() + " started on " + g.homeNode() + ", ended on " + g.finalNode() + ", down "
                + g.downtime().toMillis() + " ms in all (longest "
                + g.longestOutage().toMillis() + " ms)"
                + (g.limit() == null ? "" : ", limit " + g.limit().toMillis() + " ms")
                + (g.runningAtEnd() ? "" : ", NOT running at the end");
        String failure = g.ok() ? null : g.name() + ": " + text;
        return new Case("workload", g.name(), g.downtime(), g.ok() ? Outcome.SUCCEEDED : Outcome.FAILED, failure, text);
    }

    private static String suite(String name, UpgradeReport r, List<Case> cases) {
        Duration time = cases.stream().map(Case::time).reduce(Duration.ZERO, Duration::plus);
        long skipped =
                cases.stream().filter(c -> c.outcome() == Outcome.SKIPPED).count();
        StringBuilder x = new StringBuilder();
        x.append("  <testsuite name=\"")
                .append(attr(name))
                .append("\" tests=\"")
                .append(cases.size())
                .append("\" failures=\"")
                .append(failed(cases))
                .append("\" errors=\"0\" skipped=\"")
                .append(skipped)
                .append("\" time=\"")
                .append(seconds(time))
                .append("\" timestamp=\"")
                .append(TIMESTAMP.format(r.started().truncatedTo(ChronoUnit.SECONDS)))
                .append("\">\n");
        cases.forEach(c -> x.append(testcase(c)));
        return x.append("  </testsuite>\n").toString();
    }

    private static String testcase(Case c) {
        StringBuilder x = new StringBuilder();
        x.append("    <testcase classname=\"")
                .append(attr(c.classname()))
                .append("\" name=\"")
                .append(attr(c.name()))
                .append("\" time=\"")
                .append(seconds(c.time()))
                .append("\">\n");
        if (c.outcome() == Outcome.FAILED) {
            x.append("      <failure message=\"")
                    .append(attr(Healing.firstLine(
                            c.failure() == null ? "" : c.failure().strip())))
                    .append("\" type=\"")
                    .append("upgrade")
                    .append("\">")
                    .append(text(c.failure()))
                    .append("</failure>\n");
        } else if (c.outcome() == Outcome.SKIPPED) {
            x.append("      <skipped/>\n");
        }
        if (c.out() != null && !c.out().isBlank()) {
            x.append("      <system-out>").append(text(c.out())).append("</system-out>\n");
        }
        return x.append("    </testcase>\n").toString();
    }

    private static int failed(List<Case> cases) {
        return (int) cases.stream().filter(c -> c.outcome() == Outcome.FAILED).count();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, d.toMillis()) / 1000.0);
    }

    /** Escaped for an attribute value; characters XML 1.0 cannot hold are dropped. */
    static String attr(String s) {
        return text(s).replace("\"", "&quot;")
                .replace("\n", "&#10;")
                .replace("\r", "&#13;")
                .replace("\t", "&#9;");
    }

    /** Escaped for element content; characters XML 1.0 cannot hold are dropped. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    if (allowed(cp)) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
