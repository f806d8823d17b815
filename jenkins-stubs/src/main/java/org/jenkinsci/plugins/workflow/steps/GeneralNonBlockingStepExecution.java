// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package org.jenkinsci.plugins.workflow.steps;

public abstract class GeneralNonBlockingStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected GeneralNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    @FunctionalInterface
    protected interface Block {
        void run() throws Exception;
    }

    protected final void run(Block block) {
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

    protected abstract class TailCall extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        protected TailCall() {}

        protected abstract void finished(StepContext context) throws Exception;

        @Override
        public final void onSuccess(StepContext context, Object result) {
            throw new UnsupportedOperationException("compile-only stub");
        }

        @Override
        public final void onFailure(StepContext context, Throwable t) {
            throw new UnsupportedOperationException("compile-only stub");
        }
    }
}
