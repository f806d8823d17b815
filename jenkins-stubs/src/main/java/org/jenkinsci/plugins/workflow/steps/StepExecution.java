// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/**
 * The one stub with behaviour: the constructor keeps the context and {@link #getContext()} returns it, exactly
 * as the real class does, so that offline tests can run an execution against a fake context.
 */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StepContext context;

    protected StepExecution(StepContext context) {
        this.context = context;
    }

    public StepContext getContext() {
        return context;
    }

    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void onResume() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getStatus() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
