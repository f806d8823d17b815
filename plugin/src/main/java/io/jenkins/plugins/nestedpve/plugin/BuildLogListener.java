package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.TaskListener;
import io.jenkins.plugins.nestedpve.events.Heartbeat;
import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Writes the core's progress events as lines: {@code [nested-pve] clone np-k3x9q2-n1 ...} when a phase starts,
 * {@code [nested-pve] clone np-k3x9q2-n1: done in 4.2s} when it ends, a heartbeat while it waits
 * ({@code [nested-pve] np-k3x9q2-n1: waiting for the guest agent's address, 40 s of 5 min}), and the core's messages (which never
 * contain secrets). Thread-safe as long as the sink is (a {@code PrintStream} is).
 */
final class BuildLogListener implements ProgressListener {
    static final String PREFIX = "[nested-pve] ";

    private final Consumer<String> out;

    /**
     * Writes one prefixed line to the build log of a step's context. Only a log line: a log that
     * cannot be reached is passed over (a step's {@code stop()} must go on), an interrupt stays flagged.
     */
    static void say(StepContext context, String line) {
        try {
            context.get(TaskListener.class).getLogger().println(PREFIX + line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // only a log line
        }
    }

    BuildLogListener(Consumer<String> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void phaseStarted(Phase phase, String node) {
        out.accept(PREFIX + what(phase, node) + " ...");
    }

    @Override
    public void phaseFinished(Phase phase, String node, Duration duration, Outcome outcome) {
        out.accept(PREFIX + what(phase, node) + ": " + outcome.describe(duration, "done in"));
    }

    @Override
    public void phaseWaiting(Phase phase, String node, Duration waited, Duration limit) {
        out.accept(PREFIX + Heartbeat.describe(phase, node, waited, limit));
    }

    @Override
    public void message(Level level, String text) {
        out.accept(PREFIX + (level == Level.INFO ? "" : level + ": ") + text);
    }

    private static String what(Phase phase, String node) {
        return phase.label() + (node == null ? "" : " " + node);
    }
}
