package io.jenkins.plugins.nestedpve.events;

import java.time.Duration;

/** How a phase ended. */
public enum Outcome {
    SUCCEEDED,
    FAILED,
    /** Not needed for this spec (e.g. joins of a one-node cluster, nesting checks under {@code skip}). */
    SKIPPED,
    /**
     * Stopped before it could finish: another node failed (its failure is the one reported) or the
     * provisioning was cancelled.
     */
    CANCELLED;

    /**
     * How the end of a phase reads in a progress line (the build log's and the CLI's): {@code <succeeded> 4.2s},
     * {@code FAILED after 4.2s}, {@code skipped}, or {@code cancelled after 4.2s (stopped: another node failed, or
     * a stop)}.
     *
     * @param succeeded the words before a success's duration ({@code done in} in the build log, {@code ok} in the CLI)
     */
    public String describe(Duration duration, String succeeded) {
        return switch (this) {
            case SUCCEEDED -> succeeded + " " + Durations.human(duration);
            case FAILED -> "FAILED after " + Durations.human(duration);
            case SKIPPED -> "skipped";
            case CANCELLED ->
                "cancelled after " + Durations.human(duration) + " (stopped: another node failed, or a stop)";
        };
    }
}
