package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.Outcome;
import java.time.Duration;
import java.util.Objects;

/** {@link UpgradeListener#safe}: an observer's exceptions never reach the trial. */
final class SafeUpgradeListener implements UpgradeListener {
    private final UpgradeListener delegate;

    SafeUpgradeListener(UpgradeListener delegate) {
        this.delegate = Objects.requireNonNull(delegate, "listener");
    }

    @Override
    public void stepStarted(String node, UpgradeStep step) {
        guard(() -> delegate.stepStarted(node, step));
    }

    @Override
    public void stepFinished(String node, UpgradeStep step, Duration duration, Outcome outcome) {
        guard(() -> delegate.stepFinished(node, step, duration, outcome));
    }

    @Override
    public void message(Level level, String text) {
        guard(() -> delegate.message(level, text));
    }

    @Override
    public void output(String node, String line) {
        guard(() -> delegate.output(node, line));
    }

    @Override
    public void waiting(String node, String expectation, Duration elapsed) {
        guard(() -> delegate.waiting(node, expectation, elapsed));
    }

    private static void guard(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // observing must never change the outcome
        }
    }
}
