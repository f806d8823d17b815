package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.NestedPveException;
import java.util.Objects;
import java.util.Optional;

/**
 * An upgrade trial that did not pass: a step failed, the checker gate stopped it, or a workload
 * guest was down too long. The message names the node and the step (or the checker line, or the
 * guest); {@link #report()} holds everything done up to then, so callers still write the report.
 */
public class UpgradeFailedException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final UpgradeReport report;
    private final String node;
    private final UpgradeStep step;

    public UpgradeFailedException(UpgradeReport report, String node, UpgradeStep step) {
        super(report.failureMessage().orElse("the upgrade trial failed"));
        this.report = Objects.requireNonNull(report, "report");
        this.node = node;
        this.step = step;
    }

    /** The report up to the failure. */
    public UpgradeReport report() {
        return report;
    }

    /** The node that failed, empty when the failure was cluster-wide (e.g. a guest's downtime). */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    /** The step that failed, when one did. */
    public Optional<UpgradeStep> step() {
        return Optional.ofNullable(step);
    }
}
