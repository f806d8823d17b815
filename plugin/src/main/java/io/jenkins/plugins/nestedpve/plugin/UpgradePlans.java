package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.upgrade.CheckerMode;
import io.jenkins.plugins.nestedpve.upgrade.InvalidUpgradePlanException;
import io.jenkins.plugins.nestedpve.upgrade.Repository;
import io.jenkins.plugins.nestedpve.upgrade.Strategy;
import io.jenkins.plugins.nestedpve.upgrade.UpgradePlan;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code nestedPveUpgrade}'s parameters as the core's {@link UpgradePlan}: every rule about them (accepted values,
 * defaults, what goes with what) lives in the core's plan and its builder, and the step and the snippet generator's
 * checks only ask it. The one rule of the plugin's own is the report's path, which is about the workspace.
 */
final class UpgradePlans {
    private UpgradePlans() {}

    /** The values of a choice in the snippet generator, and the core's default. */
    record Choices(String byDefault, List<String> values) {}

    /**
     * The plan of {@code step}: its values where set, the core's defaults elsewhere.
     *
     * @throws AbortException naming the parameter and what it accepts, before anything runs
     */
    static UpgradePlan plan(NestedPveUpgradeStep step) throws AbortException {
        String reportProblem = ReportFiles.checkPath(step.getReport());
        if (reportProblem != null) {
            throw new AbortException("nestedPveUpgrade: " + reportProblem);
        }
        try {
            return builder(step).build();
        } catch (InvalidUpgradePlanException e) {
            throw new AbortException("nestedPveUpgrade: " + e.getMessage());
        }
    }

    /** A parameter left unset (null) keeps the core's default. */
    private static UpgradePlan.Builder builder(NestedPveUpgradeStep step) {
        return UpgradePlan.builder()
                .to(step.getTo())
                .strategy(step.getStrategy())
                .checker(step.getChecker())
                .repository(step.getRepository())
                .mirror(step.getMirror())
                .workload(step.isWorkload())
                .maxGuestDowntime(step.getMaxGuestDowntime())
                .beforeNode(step.getBeforeNode())
                .afterNode(step.getAfterNode());
    }

    static Choices strategies() {
        return choices(Strategy.values(), Strategy::label, defaults().strategy().label());
    }

    static Choices checkers() {
        return choices(
                CheckerMode.values(), CheckerMode::label, defaults().checker().label());
    }

    static Choices repositories() {
        return choices(
                Repository.values(), Repository::label, defaults().repository().label());
    }

    /** The plan of the core's defaults. */
    private static UpgradePlan defaults() {
        return UpgradePlan.builder().build();
    }

    private static <E> Choices choices(E[] values, Function<E, String> label, String byDefault) {
        return new Choices(byDefault, Arrays.stream(values).map(label).toList());
    }

    /** Blank takes the core's default target. */
    static Validation checkTo(String value) {
        if (value == null || value.isBlank()) {
            return Validation.ok("Default: " + defaults().target() + ".");
        }
        return check(b -> b.to(value));
    }

    static Validation checkMirror(String value) {
        return check(b -> b.mirror(value));
    }

    /** Checked together with {@code workload}, as the plan checks them. */
    static Validation checkMaxGuestDowntime(String value, boolean workload) {
        return check(b -> b.workload(workload).maxGuestDowntime(value));
    }

    static Validation checkBeforeNode(String value) {
        return check(b -> b.beforeNode(value));
    }

    static Validation checkAfterNode(String value) {
        return check(b -> b.afterNode(value));
    }

    /** The plugin's own rule: a path inside the workspace. */
    static Validation checkReport(String value) {
        String problem = ReportFiles.checkPath(value);
        if (problem != null) {
            return Validation.error(problem);
        }
        return value == null || value.isBlank()
                ? Validation.ok("No JUnit report is written; the summary is still returned and shown on the build.")
                : Validation.ok();
    }

    /** A plan of the core's defaults with {@code set} applied: the core's answer for that one parameter. */
    private static Validation check(UnaryOperator<UpgradePlan.Builder> set) {
        try {
            set.apply(UpgradePlan.builder()).build();
            return Validation.ok();
        } catch (InvalidUpgradePlanException e) {
            return Validation.error(e.getMessage());
        }
    }
}
