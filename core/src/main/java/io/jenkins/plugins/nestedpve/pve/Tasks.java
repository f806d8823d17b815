package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.WaitTimeoutException;
import io.jenkins.plugins.nestedpve.wait.Waiter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Waits for PVE tasks (pve-facts §2.3): polls {@code GET /nodes/{upid.node}/tasks/{upid}/status} with a
 * capped backoff through the injected sleeper until the task is {@code stopped}. {@code OK} and
 * {@code WARNINGS: n} succeed; anything else fails with the tail of the task log. Obtain one from
 * {@link PveClient#tasks()}.
 */
public final class Tasks {
    /** How many log lines a {@link TaskFailedException} carries. */
    public static final int LOG_TAIL_LINES = 20;

    private final PveClient client;
    private final Waiter waiter;
    private final Backoff poll;
    private final PveTimeouts timeouts;

    Tasks(PveClient client, Waiter waiter, Backoff poll, PveTimeouts timeouts) {
        this.client = client;
        this.waiter = waiter;
        this.poll = poll;
        this.timeouts = timeouts;
    }

    /**
     * Waits for the task with the bound {@link PveTimeouts#forTask(String)} gives its type.
     *
     * @see #await(Upid, Deadline)
     */
    public TaskResult await(Upid upid) throws InterruptedException {
        return await(upid, Deadline.after(waiter.clock(), timeouts.forTask(upid.type())));
    }

    /**
     * Waits until the task has stopped.
     *
     * @return the result of a task that ended {@code OK} or {@code WARNINGS: n}
     * @throws TaskFailedException for any other exit status, with the last log lines
     * @throws WaitTimeoutException when the deadline passes while the task still runs (the task is
     *     not stopped; it may still finish)
     * @throws InterruptedException when interrupted; the interrupt flag is set again
     */
    public TaskResult await(Upid upid, Deadline deadline) throws InterruptedException {
        return await(upid, deadline, poll);
    }

    /** As {@link #await(Upid, Deadline)}, polling at {@code every} instead of the client's task poll. */
    public TaskResult await(Upid upid, Deadline deadline, Backoff every) throws InterruptedException {
        TaskStatus end;
        try {
            end = waiter.until("task " + upid.describe() + " (" + upid + ") should stop", deadline, every, () -> {
                TaskStatus s = client.taskStatus(upid);
                return s.stopped() ? Optional.of(s) : Optional.empty();
            });
        } catch (PveInterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedException ie = new InterruptedException("interrupted while waiting for " + upid.describe());
            ie.initCause(e);
            throw ie;
        }
        if (end.succeeded()) {
            return new TaskResult(upid, end.exitStatus(), end.warnings().orElse(0));
        }
        String exit = end.exitStatus() == null ? "unexpected status" : end.exitStatus();
        throw new TaskFailedException(upid, exit, logTailQuietly(upid));
    }

    /**
     * The last {@code lines} lines of a task's log, oldest first.
     *
     * @throws PveApiException when the log cannot be read
     */
    public List<String> logTail(Upid upid, int lines) {
        TaskLog first = client.taskLog(upid, 0, 1);
        int start = Math.max(0, first.total() - lines);
        return client.taskLog(upid, start, lines).texts();
    }

    private List<String> logTailQuietly(Upid upid) {
        try {
            return logTail(upid, LOG_TAIL_LINES);
        } catch (PveInterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            // the failure itself matters more than its log; say why the log is missing
            return List.of("(task log not available: " + e.getMessage() + ")");
        }
    }

    /** The clock deadlines are measured on. */
    public Clock clock() {
        return waiter.clock();
    }
}
