package io.jenkins.plugins.nestedpve.upgrade;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an upgrade trial did, step by step and node by node, and whether it passed. Immutable and
 * free of secrets, so it can be written, returned and serialized as it is.
 *
 * <p>Renderings: {@link #toJUnitXml()} (for Jenkins' {@code junit} step), {@link #summaryText()}
 * (the per-node table with each node's {@code pveversion} before and after), {@link
 * #timelineText()} (every step in start order) and {@link #summaryMap()} (plain values for a
 * Pipeline's return value: a fresh, mutable map of lists and maps on each call).
 *
 * @param cluster the nested cluster's name
 * @param target the plan's target ({@code 9} or {@code latest})
 * @param strategy the plan's strategy
 * @param checkerMode the plan's checker mode
 * @param started when the trial started
 * @param duration how long it took in all
 * @param nodes each node's steps, in node order
 * @param clusterSteps cluster-wide steps (workload start and cleanup)
 * @param guests the workload guests, empty without {@code workload}
 * @param failure why the trial failed, or null when it passed
 */
public record UpgradeReport(
        String cluster,
        String target,
        Strategy strategy,
        CheckerMode checkerMode,
        Instant started,
        Duration duration,
        List<NodeReport> nodes,
        List<StepResult> clusterSteps,
        List<GuestDowntime> guests,
        String failure)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public UpgradeReport {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(checkerMode, "checkerMode");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(duration, "duration");
        nodes = List.copyOf(nodes);
        clusterSteps = List.copyOf(clusterSteps);
        guests = List.copyOf(guests);
    }

    /** Whether every step passed, no gate failed and every guest stayed within its limit. */
    public boolean passed() {
        return failure == null;
    }

    public Optional<String> failureMessage() {
        return Optional.ofNullable(failure);
    }

    public Optional<NodeReport> node(String name) {
        return nodes.stream().filter(n -> n.node().equals(name)).findFirst();
    }

    /** Every FAIL and WARN line of every checker run, node by node. */
    public List<CheckerFinding> findings() {
        return nodes.stream().flatMap(n -> n.findings().stream()).toList();
    }

    /** Every step of every node and of the cluster, in the order they started. */
    public List<StepResult> timeline() {
        return java.util.stream.Stream.concat(
                        clusterSteps.stream(), nodes.stream().flatMap(n -> n.steps().stream()))
                .sorted(Comparator.comparing(StepResult::started))
                .toList();
    }

    /**
     * JUnit XML: a {@code testsuites} root, one {@code testsuite} per node (one {@code testcase} per
     * step, then one per checker FAIL/WARN line) plus a {@code cluster} suite for cluster-wide
     * steps and a {@code workload} suite with one case per guest; durations in seconds, output tails
     * in {@code system-out}, failures with their message.
     */
    public String toJUnitXml() {
        return JUnitXml.render(this);
    }

    /** A text summary: outcome, a per-node table with {@code pveversion} before and after, guests. */
    public String summaryText() {
        return ReportText.summary(this);
    }

    /** The steps in start order with their offsets from the start of the trial. */
    public String timelineText() {
        return ReportText.timeline(this);
    }

    /**
     * Plain values only (String, Boolean, Long, List, Map), safe to return from a Pipeline step:
     * {@code passed}, {@code cluster}, {@code target}, {@code strategy}, {@code durationSeconds},
     * {@code failure} (absent when passed), {@code nodes} (list of maps: {@code name}, {@code
     * outcome}, {@code before}, {@code after}, {@code durationSeconds}, {@code steps} as name →
     * outcome), {@code checkerFailures} and {@code checkerWarnings} (lists of {@code "node: line"}),
     * {@code guests} (list of maps: {@code name}, {@code homeNode}, {@code finalNode}, {@code
     * downtimeMillis}, {@code runningAtEnd}).
     */
    public Map<String, Object> summaryMap() {
        return ReportMap.of(this);
    }
}
