package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Durations;
import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import java.time.Duration;

/** {@link UpgradeListener#toProgress}: the trial's events as progress messages. */
final class ProgressBridge implements UpgradeListener {
    private final ProgressListener progress;

    ProgressBridge(ProgressListener progress) {
        this.progress = ProgressListener.safe(progress);
    }

    @Override
    public void stepStarted(String node, UpgradeStep step) {
        progress.message(Level.INFO, where(node) + step.label() + " ...");
    }

    @Override
    public void stepFinished(String node, UpgradeStep step, Duration duration, Outcome outcome) {
        Level level = outcome == Outcome.FAILED ? Level.ERROR : Level.INFO;
        progress.message(
                level,
                where(node) + step.label() + " " + outcome.name().toLowerCase(java.util.Locale.ROOT) + " in "
                        + Durations.human(duration));
    }

    @Override
    public void message(Level level, String text) {
        progress.message(level, text);
    }

    @Override
    public void output(String node, String line) {
        progress.message(Level.INFO, "  " + where(node) + line);
    }

    @Override
    public void waiting(String node, String expectation, Duration elapsed) {
        progress.message(Level.INFO, where(node) + "still waiting (" + Durations.human(elapsed) + "): " + expectation);
    }

    private static String where(String node) {
        return node == null ? "[upgrade] " : "[" + node + "] ";
    }
}
