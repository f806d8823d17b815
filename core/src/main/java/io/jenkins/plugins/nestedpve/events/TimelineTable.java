package io.jenkins.plugins.nestedpve.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Lays out a {@link Timeline} as a plain-text table with padded columns. */
final class TimelineTable {
    private static final String CLUSTER_COLUMN = "cluster";
    private static final String EMPTY = "-";
    /** What the last column means: nodes run a phase in parallel, so it is not their sum. */
    static final String LEGEND = "(a node's cell: its own time in the phase; span: from the phase's first start"
            + " on any node to its last end, nodes running in parallel)\n";

    private final List<Timeline.PhaseRecord> records;
    private final Instant now;

    TimelineTable(List<Timeline.PhaseRecord> records, Instant now) {
        this.records = records;
        this.now = now;
    }

    String render() {
        if (records.isEmpty()) {
            return "(no phases recorded)\n";
        }
        List<String> columns = columns();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("phase"));
        columns.forEach(c -> header.add(c == null ? CLUSTER_COLUMN : c));
        header.add("span");
        rows.add(header);
        for (Phase phase : Phase.values()) {
            List<Timeline.PhaseRecord> ofPhase =
                    records.stream().filter(r -> r.phase() == phase).toList();
            if (!ofPhase.isEmpty()) {
                rows.add(row(phase, ofPhase, columns));
            }
        }
        List<String> total = new ArrayList<>(List.of("total"));
        columns.forEach(c -> total.add(""));
        total.add(Durations.human(span(records)));
        rows.add(total);
        return layout(rows) + LEGEND;
    }

    /**
     * The cluster-wide column (null) first when present, then the nodes in name order, shorter
     * names first so that {@code n2} comes before {@code n10} (nodes finish phases in any order).
     */
    private List<String> columns() {
        Set<String> nodes =
                new TreeSet<>(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        boolean clusterWide = false;
        for (Timeline.PhaseRecord r : records) {
            if (r.node() == null) {
                clusterWide = true;
            } else {
                nodes.add(r.node());
            }
        }
        List<String> columns = new ArrayList<>();
        if (clusterWide) {
            columns.add(null);
        }
        columns.addAll(nodes);
        return columns;
    }

    private List<String> row(Phase phase, List<Timeline.PhaseRecord> ofPhase, List<String> columns) {
        List<String> row = new ArrayList<>(List.of(phase.label()));
        for (String column : columns) {
            List<Timeline.PhaseRecord> cell = ofPhase.stream()
                    .filter(r -> Objects.equals(r.node(), column))
                    .toList();
            row.add(cell(cell));
        }
        row.add(Durations.human(span(ofPhase)));
        return row;
    }

    private String cell(List<Timeline.PhaseRecord> cell) {
        if (cell.isEmpty()) {
            return EMPTY;
        }
        Timeline.PhaseRecord last = cell.get(cell.size() - 1);
        if (last.outcome() == null) {
            return "running";
        }
        if (last.outcome() == Outcome.SKIPPED) {
            return "skipped";
        }
        Duration sum = cell.stream()
                .filter(r -> r.duration() != null)
                .map(Timeline.PhaseRecord::duration)
                .reduce(Duration.ZERO, Duration::plus);
        String text = Durations.human(sum);
        return switch (last.outcome()) {
            case FAILED -> "FAILED " + text;
            case CANCELLED -> "cancelled " + text;
            default -> text;
        };
    }

    private Duration span(List<Timeline.PhaseRecord> of) {
        Instant first = of.stream()
                .map(Timeline.PhaseRecord::started)
                .min(Instant::compareTo)
                .orElse(now);
        Instant last =
                of.stream().map(r -> r.endedOr(now)).max(Instant::compareTo).orElse(now);
        return Duration.between(first, last);
    }

    private static String layout(List<List<String>> rows) {
        int width = rows.get(0).size();
        int[] widths = new int[width];
        for (List<String> row : rows) {
            for (int i = 0; i < width; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width; i++) {
                line.append(row.get(i));
                if (i < width - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
