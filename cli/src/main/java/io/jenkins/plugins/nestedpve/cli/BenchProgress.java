package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** One line per finished phase of a bench run, so that a long run shows it is moving. */
final class BenchProgress implements ProgressListener {
    private final PrintStream out;
    private final String label;

    BenchProgress(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void phaseFinished(Phase phase, String node, Duration duration, Outcome outcome) {
        synchronized (out) {
            out.printf(
                    Locale.ROOT,
                    "    %-10s %-15s %-16s %s%n",
                    label,
                    phase.label(),
                    node == null ? "cluster" : node,
                    outcome.toString().toLowerCase(Locale.ROOT));
            out.flush();
        }
    }
}
