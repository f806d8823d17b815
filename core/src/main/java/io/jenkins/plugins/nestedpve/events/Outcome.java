package io.jenkins.plugins.nestedpve.events;

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
    CANCELLED
}
