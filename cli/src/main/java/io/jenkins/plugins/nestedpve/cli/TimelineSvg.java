package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A self-contained SVG chart of one run's timeline: one row per node (and one for the cluster-wide
 * phases), one coloured bar per phase from its start to its end, a time axis in seconds and a
 * legend. The phases' starts are offsets from the run's start ({@link Instant#EPOCH}).
 */
final class TimelineSvg {
    private static final int LEFT = 130;
    private static final int WIDTH = 980;
    private static final int ROW = 26;
    private static final int TOP = 40;
    private static final String[] COLOURS = {
        "#8c8c8c", "#bdbdbd", "#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a", "#d62728", "#9467bd",
        "#c5b0d5", "#8c564b", "#e377c2", "#7f7f7f", "#17becf"
    };

    private final List<Timeline.PhaseRecord> phases;
    private final String title;

    TimelineSvg(List<Timeline.PhaseRecord> phases, String title) {
        this.phases = phases.stream()
                .filter(p -> p.duration() != null && p.outcome() != Outcome.SKIPPED)
                .toList();
        this.title = title;
    }

    String render() {
        List<String> rows = rows();
        double end = Math.max(
                1,
                phases.stream()
                        .mapToDouble(p -> seconds(p.started().plus(p.duration())))
                        .max()
                        .orElse(1));
        double perSecond = (WIDTH - LEFT - 20) / end;
        int chartBottom = TOP + rows.size() * ROW;
        int height = chartBottom + 60 + ((Phase.values().length + 4) / 5) * 18;
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"10\" y=\"20\" font-size=\"14\">%s</text>%n",
                WIDTH,
                height,
                escape(title)));
        axis(b, end, perSecond, chartBottom);
        for (int i = 0; i < rows.size(); i++) {
            int y = TOP + i * ROW;
            b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 17, escape(rows.get(i))));
        }
        for (Timeline.PhaseRecord p : phases) {
            int y = TOP + rows.indexOf(rowOf(p)) * ROW;
            double x = LEFT + seconds(p.started()) * perSecond;
            double w = Math.max(1, seconds(p.duration()) * perSecond);
            b.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s: %.1f s"
                            + " from %.1f s</title></rect>%n",
                    x,
                    y + 4,
                    w,
                    ROW - 8,
                    colour(p.phase()),
                    escape(rowOf(p)),
                    p.phase().label(),
                    seconds(p.duration()),
                    seconds(p.started())));
        }
        legend(b, chartBottom + 40);
        return b.append("</svg>\n").toString();
    }

    private void axis(StringBuilder b, double end, double perSecond, int bottom) {
        int step = end > 200 ? 30 : end > 60 ? 10 : 5;
        for (int s = 0; s <= end; s += step) {
            double x = LEFT + s * perSecond;
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e0e0e0\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%d s</text>%n",
                    x,
                    TOP,
                    x,
                    bottom,
                    x,
                    bottom + 16,
                    s));
        }
    }

    private static void legend(StringBuilder b, int y) {
        Phase[] all = Phase.values();
        for (int i = 0; i < all.length; i++) {
            int x = 10 + (i % 5) * 190;
            int row = y + (i / 5) * 18;
            b.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>%n",
                    x,
                    row - 10,
                    colour(all[i]),
                    x + 16,
                    row,
                    all[i].label()));
        }
    }

    private List<String> rows() {
        Set<String> rows = new LinkedHashSet<>();
        rows.add("cluster");
        phases.stream()
                .filter(p -> p.node() != null)
                .map(TimelineSvg::rowOf)
                .sorted()
                .forEach(rows::add);
        return new ArrayList<>(rows);
    }

    private static String rowOf(Timeline.PhaseRecord p) {
        return p.node() == null ? "cluster" : p.node();
    }

    private static String colour(Phase phase) {
        return COLOURS[phase.ordinal() % COLOURS.length];
    }

    private static double seconds(Instant sinceEpoch) {
        return seconds(Duration.between(Instant.EPOCH, sinceEpoch));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
