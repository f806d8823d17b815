// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// getStatus() and blocksRestart() read from
// jenkinsci/workflow-step-api-plugin:src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousNonBlockingStepExecution.java at 0773c3c68734763741f08807407123c17a546ea2.
package org.jenkinsci.plugins.workflow.steps;

public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void onResume() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public String getStatus() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public boolean blocksRestart() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
