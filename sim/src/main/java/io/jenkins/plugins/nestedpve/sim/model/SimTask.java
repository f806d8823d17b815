package io.jenkins.plugins.nestedpve.sim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One PVE worker task: its UPID, its log and, once stopped, its exit status. Thread-safe. */
public final class SimTask {
    private final Upid upid;
    private final List<String> log = new ArrayList<>();
    private int warnings;
    private String exitstatus;
    private long endtime;
    private boolean interrupted;
    private java.util.function.Supplier<String> interruptHandler;
    private final java.util.concurrent.CompletableFuture<Void> interruption =
            new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.CompletableFuture<String> done = new java.util.concurrent.CompletableFuture<>();

    SimTask(Upid upid) {
        this.upid = upid;
    }

    public Upid upid() {
        return upid;
    }

    /** Appends a log line. */
    public synchronized void log(String line) {
        for (String l : line.split("\n", -1)) {
            log.add(l);
        }
    }

    /** Logs {@code WARN: <text>} and counts it (PVE's log_warn). */
    public synchronized void warn(String text) {
        warnings++;
        log("WARN: " + text);
    }

    public synchronized boolean running() {
        return exitstatus == null;
    }

    /** {@code OK}, {@code WARNINGS: n} or the error text; empty while running. */
    public synchronized Optional<String> exitstatus() {
        return Optional.ofNullable(exitstatus);
    }

    /** Completes with the exit status when the task stops. */
    public java.util.concurrent.CompletableFuture<String> completion() {
        return done;
    }

    public synchronized long endtime() {
        return endtime;
    }

    /** A copy of the log lines so far. */
    public synchronized List<String> lines() {
        return List.copyOf(log);
    }

    /** Whether a stopped task succeeded ({@code OK} or {@code WARNINGS: n}). */
    public synchronized boolean succeeded() {
        return exitstatus != null && (exitstatus.equals("OK") || exitstatus.startsWith("WARNINGS: "));
    }

    /** Whether the task was stopped ({@code DELETE /nodes/{node}/tasks/{upid}}). */
    public synchronized boolean interrupted() {
        return interrupted;
    }

    /** Completes when the task is stopped, so a body can cut a wait short. */
    public java.util.concurrent.CompletableFuture<Void> interruption() {
        return interruption;
    }

    /**
     * Sets (or with {@code null} clears) what a stop does instead of ending the task with {@code
     * received interrupt}, as a worker's {@code local $SIG{TERM}} handler: it cleans up and returns
     * the task's error text (e.g. {@code clone failed: interrupted by signal}).
     */
    public synchronized void onInterrupt(java.util.function.Supplier<String> handler) {
        this.interruptHandler = handler;
    }

    /**
     * SIGTERM to a running worker: it ends at once with the handler's text or {@code received
     * interrupt} (pve-common:src/PVE/RESTEnvironment.pm fork_worker). The body's later steps see
     * {@link #interrupted()} and stop making changes. False when the task had already stopped.
     */
    boolean interrupt(long now) {
        java.util.function.Supplier<String> handler;
        synchronized (this) {
            if (exitstatus != null || interrupted) {
                return false;
            }
            interrupted = true;
            handler = interruptHandler;
        }
        finishError(handler != null ? handler.get() : "received interrupt", now);
        interruption.complete(null);
        return true;
    }

    synchronized void finishOk(long now) {
        if (exitstatus != null) {
            return;
        }
        exitstatus = warnings > 0 ? "WARNINGS: " + warnings : "OK";
        log.add("TASK " + exitstatus);
        endtime = now;
        done.complete(exitstatus);
    }

    synchronized void finishError(String message, long now) {
        if (exitstatus != null) {
            return;
        }
        // the status file keeps one line: newlines in the error become spaces (pve-facts §2.3)
        String oneLine = message.strip().replace('\n', ' ');
        exitstatus = oneLine;
        log.add("TASK ERROR: " + oneLine);
        endtime = now;
        done.complete(exitstatus);
    }
}
