package io.jenkins.plugins.nestedpve.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Starts a body as Pipeline does, for offline tests: the body runs (here on its own thread) with the contexts
 * given, then the callback hears {@code onSuccess} or {@code onFailure} with the enclosing step's context.
 */
final class FakeBodyInvoker extends BodyInvoker {
    private final FakeStepContext parent;
    private final FakeStepContext.Body body;
    final List<Object> contexts = new ArrayList<>();
    volatile BodyExecutionCallback callback;
    volatile FakeStepContext bodyContext;
    final CompletableFuture<Object> ended = new CompletableFuture<>();

    FakeBodyInvoker(FakeStepContext parent, FakeStepContext.Body body) {
        this.parent = parent;
        this.body = body;
    }

    @Override
    public BodyInvoker withContext(Object override) {
        contexts.add(override);
        return this;
    }

    @Override
    public BodyInvoker withDisplayName(String name) {
        return this;
    }

    @Override
    public BodyInvoker withCallback(BodyExecutionCallback callback) {
        this.callback = callback;
        return this;
    }

    @Override
    public BodyExecution start() {
        FakeStepContext child = parent.child(contexts);
        bodyContext = child;
        Thread t = new Thread(
                () -> {
                    try {
                        Object result = body.run(child);
                        ended.complete(result);
                        callback.onSuccess(parent, result);
                    } catch (Throwable failure) {
                        ended.completeExceptionally(failure);
                        callback.onFailure(parent, failure);
                    }
                },
                "fake body");
        t.setDaemon(true);
        t.start();
        return new Execution();
    }

    private final class Execution extends BodyExecution {
        private static final long serialVersionUID = 1L;

        @Override
        public Collection<StepExecution> getCurrentExecutions() {
            return List.of();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return ended.isDone();
        }

        @Override
        public Object get() throws InterruptedException, ExecutionException {
            return ended.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return ended.get(timeout, unit);
        }
    }
}
