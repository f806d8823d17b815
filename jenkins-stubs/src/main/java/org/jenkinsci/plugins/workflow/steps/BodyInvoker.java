// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// withCallback(FutureCallback) and mergeConsoleLogFilters read from
// jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/BodyInvoker.java at
// 0773c3c68734763741f08807407123c17a546ea2.
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import hudson.console.ConsoleLogFilter;
import java.util.Collection;

public abstract class BodyInvoker {
    public BodyInvoker() {}

    public abstract BodyInvoker withContext(Object override);

    public BodyInvoker withContexts(Object... overrides) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public BodyInvoker withContexts(Collection<?> overrides) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public abstract BodyInvoker withDisplayName(String name);

    public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

    public final BodyInvoker withCallback(FutureCallback<Object> callback) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public abstract BodyExecution start();

    public static ConsoleLogFilter mergeConsoleLogFilters(ConsoleLogFilter original, ConsoleLogFilter subsequent) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
