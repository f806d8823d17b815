package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Outcome;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One timed step of one node: a JUnit {@code testcase}.
 *
 * @param node the node, or null for a cluster-wide step
 * @param step which step
 * @param started when it started
 * @param duration how long it took
 * @param outcome succeeded, failed, or skipped (not needed, e.g. no guests to evacuate)
 * @param outputTail the last lines of its output (no secrets), possibly empty
 * @param failure why it failed, or null
 */
public record StepResult(
        String node,
        UpgradeStep step,
        Instant started,
        Duration duration,
        Outcome outcome,
        String outputTail,
        String failure)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        outputTail = outputTail == null ? "" : outputTail;
        if (outcome == Outcome.FAILED && (failure == null || failure.isBlank())) {
            throw new IllegalArgumentException("a failed step needs a failure message");
        }
    }

    /** The step's name in reports, e.g. {@code dist-upgrade}. */
    public String name() {
        return step.label();
    }

    public Optional<String> failureMessage() {
        return Optional.ofNullable(failure);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
