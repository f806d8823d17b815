package io.jenkins.plugins.nestedpve.plugin;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.console.ConsoleLogFilter;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step context for offline tests: the contexts a step asks for by type, the step's outcome (counting the calls,
 * which must be exactly one), and bodies started through {@link FakeBodyInvoker}. Never serialized: tests swap it
 * for a token (see {@link ProgramState}), as Pipeline's program.dat refers to contexts.
 */
final class FakeStepContext extends StepContext {
    private static final long serialVersionUID = 1L;

    /** What a started body does; it runs on its own thread. */
    @FunctionalInterface
    interface Body {
        Object run(FakeStepContext body) throws Throwable;
    }

    private final transient Map<Class<?>, Object> contexts = new HashMap<>();
    private final transient Body body;
    final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
    final transient AtomicInteger completions = new AtomicInteger();
    final transient List<FakeBodyInvoker> bodies = new CopyOnWriteArrayList<>();
    private transient volatile RuntimeException bodyStartFailure;

    FakeStepContext(Run<?, ?> run, FakeListener listener, Body body) {
        this.body = body;
        contexts.put(Run.class, run);
        contexts.put(TaskListener.class, listener);
    }

    /** The context of a body inside this one, with {@code overrides} merged in (as {@code withContext} does). */
    FakeStepContext child(List<Object> overrides) {
        FakeStepContext c = new FakeStepContext(get0(Run.class), (FakeListener) get0(TaskListener.class), body);
        c.contexts.putAll(contexts);
        for (Object o : overrides) {
            if (o instanceof EnvironmentExpander e) {
                c.contexts.put(EnvironmentExpander.class, e);
            } else if (o instanceof ConsoleLogFilter f) {
                c.contexts.put(ConsoleLogFilter.class, f);
            } else {
                c.contexts.put(o.getClass(), o);
            }
        }
        ConsoleLogFilter filter = c.get0(ConsoleLogFilter.class);
        if (filter != null) {
            FakeListener base = (FakeListener) c.get0(TaskListener.class);
            try {
                OutputStream decorated = filter.decorateLogger(c.get0(Run.class), base.raw());
                c.contexts.put(TaskListener.class, base.decorated(decorated));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return c;
    }

    <T> FakeStepContext with(Class<T> type, T value) {
        contexts.put(type, value);
        return this;
    }

    @Override
    public <T> T get(Class<T> key) {
        return get0(key);
    }

    private <T> T get0(Class<T> key) {
        return key.cast(contexts.get(key));
    }

    /** The environment a step in this (body) context sees. */
    RecordingEnvVars env() throws IOException, InterruptedException {
        RecordingEnvVars env = new RecordingEnvVars();
        EnvironmentExpander e = get0(EnvironmentExpander.class);
        if (e != null) {
            e.expand(env);
        }
        return env;
    }

    PrintStream log() {
        return get0(TaskListener.class).getLogger();
    }

    NestedPveClusterContext cluster() {
        return get0(NestedPveClusterContext.class);
    }

    /** The step's outcome: its result, or the failure it reported; waits up to {@code seconds}. */
    Object await(int seconds) throws Exception {
        return outcome.get(seconds, TimeUnit.SECONDS);
    }

    /** The failure the step reported. */
    Throwable failure(int seconds) throws Exception {
        try {
            outcome.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the step succeeded");
    }

    @Override
    public void onSuccess(Object result) {
        completions.incrementAndGet();
        outcome.complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
        completions.incrementAndGet();
        outcome.completeExceptionally(t);
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return Futures.immediateFuture(null);
    }

    @Override
    public void setResult(Result r) {
        throw new UnsupportedOperationException("not used by the plugin");
    }

    /** From now on, starting a body fails with {@code failure} (as a broken context or invoker would). */
    FakeStepContext failBodyStart(RuntimeException failure) {
        bodyStartFailure = failure;
        return this;
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        if (bodyStartFailure != null) {
            throw bodyStartFailure;
        }
        FakeBodyInvoker invoker = new FakeBodyInvoker(this, body);
        bodies.add(invoker);
        return invoker;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "FakeStepContext@" + Integer.toHexString(hashCode());
    }
}
