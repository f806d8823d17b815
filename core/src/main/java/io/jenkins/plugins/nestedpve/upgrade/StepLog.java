package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.ssh.LineSink;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A step's output: every line goes to the listener as it arrives (the build log), the last {@link
 * #TAIL_LINES} are kept for the report's {@code system-out}. Thread-safe (stdout and stderr readers).
 */
final class StepLog implements LineSink {
    /** Lines kept for the report. */
    static final int TAIL_LINES = 40;

    private final String node;
    private final UpgradeListener listener;
    private final Deque<String> tail = new ArrayDeque<>();

    StepLog(String node, UpgradeListener listener) {
        this.node = node;
        this.listener = listener;
    }

    @Override
    public void accept(String line) {
        String clean = CheckerOutput.stripAnsi(line);
        synchronized (tail) {
            tail.addLast(clean);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
        listener.output(node, clean);
    }

    /** A line of the trial's own (not command output). */
    void note(String text) {
        accept(text);
    }

    String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }
}
