package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Outcome;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node's part of the trial: a JUnit {@code testsuite}.
 *
 * @param node the node name
 * @param versionBefore its {@code pveversion} line before the trial, e.g. {@code
 *     pve-manager/8.4.1/... (running kernel: 6.8.12-9-pve)}, or null when not read
 * @param versionAfter its {@code pveversion} line at the end, or null when not read
 * @param steps its steps in the order they ran
 * @param checkers the checker runs on it (before, and after its upgrade)
 */
public record NodeReport(
        String node, String versionBefore, String versionAfter, List<StepResult> steps, List<CheckerSummary> checkers)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public NodeReport {
        Objects.requireNonNull(node, "node");
        steps = List.copyOf(steps);
        checkers = List.copyOf(checkers);
    }

    /** Every FAIL and WARN line of every checker run on this node. */
    public List<CheckerFinding> findings() {
        return checkers.stream().flatMap(c -> c.findings().stream()).toList();
    }

    public Optional<StepResult> firstFailure() {
        return steps.stream().filter(StepResult::failed).findFirst();
    }

    /** Failed when a step or a checker FAIL line failed; otherwise succeeded. */
    public Outcome outcome() {
        return firstFailure().isPresent() ? Outcome.FAILED : Outcome.SUCCEEDED;
    }

    /** The sum of its steps' durations. */
    public Duration duration() {
        return steps.stream().map(StepResult::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
