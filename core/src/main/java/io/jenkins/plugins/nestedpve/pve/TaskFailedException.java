package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.NestedPveException;
import java.util.List;
import java.util.Objects;

/**
 * A PVE task stopped with an exit status other than {@code OK} or {@code WARNINGS: n}. Carries the
 * UPID, PVE's exit status (the error text) and the last lines of the task log, fetched before
 * anything could remove the evidence.
 */
public class TaskFailedException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final Upid upid;
    private final String exitStatus;
    private final List<String> logTail;

    public TaskFailedException(Upid upid, String exitStatus, List<String> logTail) {
        super(message(upid, exitStatus, logTail));
        this.upid = Objects.requireNonNull(upid, "upid");
        this.exitStatus = Objects.requireNonNull(exitStatus, "exitStatus");
        this.logTail = List.copyOf(logTail);
    }

    private static String message(Upid upid, String exitStatus, List<String> logTail) {
        StringBuilder m = new StringBuilder()
                .append(upid.type())
                .append(upid.id().isEmpty() ? "" : " " + upid.id())
                .append(" on node ")
                .append(upid.node())
                .append(" failed: ")
                .append(exitStatus)
                .append(" (")
                .append(upid)
                .append(')');
        if (!logTail.isEmpty()) {
            m.append("\nLast task log lines:");
            logTail.forEach(l -> m.append("\n  ").append(l));
        }
        return m.toString();
    }

    public Upid upid() {
        return upid;
    }

    /** PVE's exit status, i.e. the task's error message, e.g. {@code clone failed: ...}. */
    public String exitStatus() {
        return exitStatus;
    }

    /** The last lines of the task log (up to about 20), oldest first; may be empty. */
    public List<String> logTail() {
        return logTail;
    }
}
