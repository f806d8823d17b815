package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.Action;
import io.jenkins.plugins.nestedpve.events.Durations;
import io.jenkins.plugins.nestedpve.upgrade.NodeReport;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeReport;
import java.util.List;
import java.util.Objects;

/**
 * The build page's summary of one upgrade trial: the outcome, one row per node with its {@code pveversion} before
 * and after, and the trial's timeline (every step in start order). Saved with the build; the core's report holds no
 * secret. No side-panel link: it shows through its {@code summary.jelly}.
 */
public final class NestedPveUpgradeAction implements Action {
    private final String clusterName;
    private final String target;
    private final String strategy;
    private final String outcome;
    private final String reportPath;
    private final List<NodeRow> nodes;
    private final String timeline;
    private final String summary;

    /** One node (a plain class: the build's XML is written by XStream). */
    public static final class NodeRow {
        private final String name;
        private final String outcome;
        private final String before;
        private final String after;
        private final String duration;

        NodeRow(NodeReport n) {
            this.name = n.node();
            this.outcome = n.outcome().name();
            this.before = n.versionBefore() == null ? "" : n.versionBefore();
            this.after = n.versionAfter() == null ? "" : n.versionAfter();
            this.duration = Durations.human(n.duration());
        }

        public String getName() {
            return name;
        }

        public String getOutcome() {
            return outcome;
        }

        public String getBefore() {
            return before;
        }

        public String getAfter() {
            return after;
        }

        public String getDuration() {
            return duration;
        }
    }

    /**
     * @param report the trial's report
     * @param reportPath where the JUnit report was written, or null
     */
    NestedPveUpgradeAction(UpgradeReport report, String reportPath) {
        Objects.requireNonNull(report, "report");
        this.clusterName = report.cluster();
        this.target = report.target();
        this.strategy = report.strategy().label();
        this.outcome = report.failureMessage()
                .map(f -> "failed: " + f)
                .orElse("passed in " + Durations.human(report.duration()));
        this.reportPath = reportPath;
        this.nodes = report.nodes().stream().map(NodeRow::new).toList();
        this.timeline = report.timelineText();
        this.summary = report.summaryText();
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Upgrade trial of " + clusterName + " to " + target;
    }

    @Override
    public String getUrlName() {
        return null;
    }

    public String getClusterName() {
        return clusterName;
    }

    /** {@code 9} or {@code latest}. */
    public String getTarget() {
        return target;
    }

    /** {@code rolling} or {@code parallel}. */
    public String getStrategy() {
        return strategy;
    }

    /** {@code passed in <duration>} or {@code failed: <why>}. */
    public String getOutcome() {
        return outcome;
    }

    /** Where the JUnit report was written, or null when none was asked for. */
    public String getReportPath() {
        return reportPath;
    }

    public List<NodeRow> getNodes() {
        return nodes;
    }

    /** Every step in start order, with offsets from the start of the trial. */
    public String getTimeline() {
        return timeline;
    }

    /** The core's text summary (per-node table, guests). */
    public String getSummary() {
        return summary;
    }

    @Override
    public String toString() {
        return "NestedPveUpgradeAction[" + clusterName + ", " + outcome + "]";
    }
}
