package io.jenkins.plugins.nestedpve.events;

import java.time.Duration;
import java.util.List;

/**
 * Observes provisioning and teardown. Per-node phases name the node (e.g. {@code np-x1y2z3-n2});
 * cluster-wide phases pass {@code null}. Calls may come from several threads at once (nodes are
 * provisioned in parallel), so implementations must be thread-safe.
 *
 * <p>A listener is an observer: callers wrap it with {@link #safe(ProgressListener)} so that an
 * exception thrown here is swallowed instead of breaking provisioning.
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NOOP = new ProgressListener() {};

    /** {@code phase} started for {@code node}, or cluster-wide when {@code node} is null. */
    default void phaseStarted(Phase phase, String node) {}

    /** {@code phase} ended for {@code node} (null: cluster-wide) after {@code duration}. */
    default void phaseFinished(Phase phase, String node, Duration duration, Outcome outcome) {}

    /**
     * {@code phase} of {@code node} (null: cluster-wide) is still waiting, {@code waited} since it
     * started, and gives up {@code limit} after its start. Sent at most every {@link
     * Heartbeat#INTERVAL}; {@link Heartbeat#describe} words it for users.
     */
    default void phaseWaiting(Phase phase, String node, Duration waited, Duration limit) {}

    /** A fault was absorbed: retried, reconciled or a node replaced (see {@link Healing}). */
    default void healed(Healing healing) {}

    /** A line for the user (build log, CLI); never contains secrets. */
    default void message(Level level, String text) {}

    /** Fans every event out to {@code listeners} in order; each is isolated as by {@link #safe}. */
    static ProgressListener composite(ProgressListener... listeners) {
        return new CompositeListener(List.of(listeners));
    }

    /** As {@link #composite(ProgressListener...)}. */
    static ProgressListener composite(List<? extends ProgressListener> listeners) {
        return new CompositeListener(List.copyOf(listeners));
    }

    /**
     * Wraps {@code listener} so that any {@link RuntimeException} or {@link Error} other than a
     * {@link VirtualMachineError} it throws is swallowed: observing must never change the outcome.
     */
    static ProgressListener safe(ProgressListener listener) {
        if (listener instanceof CompositeListener) {
            return listener;
        }
        return new CompositeListener(List.of(listener));
    }
}
