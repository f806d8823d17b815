package io.jenkins.plugins.nestedpve.sim.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker tasks of one node. A task's log exists before its UPID is returned, so polling right
 * away is safe (pve-common:src/PVE/RESTEnvironment.pm fork_worker); the body runs on the
 * simulation's scheduler and never blocks a thread.
 */
public final class TaskRegistry {
    /** The work of a task: returns a future that completes when the task is done. */
    @FunctionalInterface
    public interface Body {
        CompletableFuture<?> run(SimTask task) throws Exception;
    }

    private final SimEnv env;
    private final Map<String, SimTask> tasks = new LinkedHashMap<>();
    private final AtomicLong nextPid;
    private final long pstart;

    public TaskRegistry(SimEnv env) {
        this.env = env;
        // pids and pstart look like a running system's (pstart: clock ticks since boot)
        this.nextPid = new AtomicLong(0x2A000 + env.random().nextInt(0x10000));
        this.pstart = 0x00C30000L + env.random().nextInt(0x10000);
    }

    /** Starts a task of {@code type} with UPID id {@code id} for {@code user} on {@code node}. */
    public SimTask start(String node, String type, String id, String user, Body body) {
        long pid = nextPid.getAndIncrement();
        Upid upid =
                new Upid(node, pid, pstart + pid % 4096, env.clock().instant().getEpochSecond(), type, id, user);
        SimTask task = new SimTask(upid);
        synchronized (this) {
            tasks.put(upid.toString(), task);
        }
        Optional<String> fault = env.faults().taskFailure(type, id);
        CompletableFuture.runAsync(() -> {}, env.scheduler())
                .thenCompose(v -> fault.isPresent() ? failLater(type, fault.get()) : invoke(body, task))
                .thenApply(x -> (Object) x)
                .whenComplete((r, e) -> finish(task, e));
        return task;
    }

    /** Stops {@code task} if it still runs (SIGTERM to the worker); false when it had already ended. */
    public boolean stop(SimTask task) {
        return task.interrupt(env.clock().instant().getEpochSecond());
    }

    public synchronized Optional<SimTask> find(String upid) {
        return Optional.ofNullable(tasks.get(upid));
    }

    /** All tasks, oldest first. */
    public synchronized List<SimTask> list() {
        return new ArrayList<>(tasks.values());
    }

    private CompletableFuture<Object> invoke(Body body, SimTask task) {
        try {
            return body.run(task).thenApply(x -> (Object) x);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Object> failLater(String type, String message) {
        String text = type.equals("qmclone") ? "clone failed: " + message : message;
        return env.after(io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step.CONFIG)
                .thenCompose(v -> CompletableFuture.failedFuture(new SimFailure(text)));
    }

    private void finish(SimTask task, Throwable error) {
        long now = env.clock().instant().getEpochSecond();
        if (error == null) {
            task.finishOk(now);
        } else {
            task.finishError(message(error), now);
        }
    }

    /** The die text of a failure, unwrapped from future wrappers. */
    public static String message(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
