package io.jenkins.plugins.nestedpve.events;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Delivers each event to several listeners in order. A listener that throws is skipped for that
 * event; the others still get it and the caller never sees the exception.
 */
final class CompositeListener implements ProgressListener {
    private final List<ProgressListener> listeners;

    CompositeListener(List<ProgressListener> listeners) {
        listeners.forEach(l -> Objects.requireNonNull(l, "listener"));
        this.listeners = listeners;
    }

    @Override
    public void phaseStarted(Phase phase, String node) {
        for (ProgressListener l : listeners) {
            guard(() -> l.phaseStarted(phase, node));
        }
    }

    @Override
    public void phaseFinished(Phase phase, String node, Duration duration, Outcome outcome) {
        for (ProgressListener l : listeners) {
            guard(() -> l.phaseFinished(phase, node, duration, outcome));
        }
    }

    @Override
    public void phaseWaiting(Phase phase, String node, Duration waited, Duration limit) {
        for (ProgressListener l : listeners) {
            guard(() -> l.phaseWaiting(phase, node, waited, limit));
        }
    }

    @Override
    public void healed(Healing healing) {
        for (ProgressListener l : listeners) {
            guard(() -> l.healed(healing));
        }
    }

    @Override
    public void message(Level level, String text) {
        for (ProgressListener l : listeners) {
            guard(() -> l.message(level, text));
        }
    }

    private static void guard(Runnable call) {
        try {
            call.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // Observers must not change the outcome of provisioning; a broken progress display is
            // not a reason to leak VMs or fail a build.
        }
    }
}
