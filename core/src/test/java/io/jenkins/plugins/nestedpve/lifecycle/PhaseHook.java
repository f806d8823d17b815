package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an action once, on the thread that starts {@code phase} (for {@code node}, or for any node
 * when null) — to inject a fault or an interrupt exactly in that phase.
 */
final class PhaseHook implements ProgressListener {
    private final Phase phase;
    private final String node;
    private final Runnable action;
    private final AtomicBoolean fired = new AtomicBoolean();

    PhaseHook(Phase phase, String node, Runnable action) {
        this.phase = phase;
        this.node = node;
        this.action = action;
    }

    @Override
    public void phaseStarted(Phase p, String n) {
        if (p == phase && (node == null || Objects.equals(node, n)) && fired.compareAndSet(false, true)) {
            action.run();
        }
    }

    boolean fired() {
        return fired.get();
    }
}
