package io.jenkins.plugins.nestedpve.plugin;

import hudson.console.ConsoleLogFilter;
import java.util.Objects;
import java.util.function.BinaryOperator;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * How a block step adds to the contexts its body inherits: always merged with what the enclosing steps set
 * ({@link EnvironmentExpander#merge}, {@link BodyInvoker#mergeConsoleLogFilters}), never replacing it. A seam
 * because those static methods need a running Jenkins.
 *
 * @param environment merges the enclosing expander (may be null) with ours
 * @param filters merges the enclosing console log filter (may be null) with ours
 */
public record BodyContexts(BinaryOperator<EnvironmentExpander> environment, BinaryOperator<ConsoleLogFilter> filters) {
    public BodyContexts {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(filters, "filters");
    }

    /** The Pipeline API's merges. */
    public static BodyContexts jenkins() {
        return new BodyContexts(EnvironmentExpander::merge, BodyInvoker::mergeConsoleLogFilters);
    }
}
