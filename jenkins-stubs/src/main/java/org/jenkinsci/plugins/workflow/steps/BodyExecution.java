// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// The deprecated cancel(boolean) read from
// jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/BodyExecution.java at
// 0773c3c68734763741f08807407123c17a546ea2 (it implements Future.cancel there).
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

public abstract class BodyExecution implements Future<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    public BodyExecution() {}

    public abstract Collection<StepExecution> getCurrentExecutions();

    @Deprecated
    @Override
    public boolean cancel(boolean b) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean cancel(Throwable t) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
