package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import java.time.Duration;
import java.util.Objects;

/**
 * Observes an upgrade trial as it runs, shaped like {@link ProgressListener}: steps start and end
 * per node ({@code node} null for cluster-wide steps), user-facing messages, the output lines of
 * long commands as they arrive, and heartbeats while the trial waits. Calls may come from several
 * threads at once (parallel strategy, output readers), so implementations must be thread-safe.
 * Never receives secrets. Wrap with {@link #safe(UpgradeListener)}: an observer must not change
 * the outcome.
 */
public interface UpgradeListener {
    /** Ignores everything. */
    UpgradeListener NOOP = new UpgradeListener() {};

    /** {@code step} started on {@code node} (null: cluster-wide). */
    default void stepStarted(String node, UpgradeStep step) {}

    /** {@code step} ended on {@code node} after {@code duration}. */
    default void stepFinished(String node, UpgradeStep step, Duration duration, Outcome outcome) {}

    /** A line for the user; never contains secrets. */
    default void message(Level level, String text) {}

    /** One output line of a long command on {@code node} ({@code apt-get}, the checker), as it arrives. */
    default void output(String node, String line) {}

    /** Still waiting on {@code node} (null: cluster-wide) for {@code expectation}, {@code elapsed} so far. */
    default void waiting(String node, String expectation, Duration elapsed) {}

    /**
     * Forwards to a {@link ProgressListener} as messages: step starts and ends, output lines prefixed
     * with the node, heartbeats, so a build log or terminal that already shows provisioning shows the
     * trial the same way.
     */
    static UpgradeListener toProgress(ProgressListener progress) {
        return new ProgressBridge(Objects.requireNonNull(progress, "progress"));
    }

    /** Every call is passed on to {@code listener}; a {@link RuntimeException} it throws is swallowed. */
    static UpgradeListener safe(UpgradeListener listener) {
        return listener instanceof SafeUpgradeListener ? listener : new SafeUpgradeListener(listener);
    }
}
