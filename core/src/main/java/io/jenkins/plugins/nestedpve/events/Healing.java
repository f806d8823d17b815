package io.jenkins.plugins.nestedpve.events;

import java.util.Objects;

/**
 * A fault the engine absorbed instead of failing: what it did, where, and why. Reported to {@link
 * ProgressListener#healed} as it happens, so the build log and the timeline show every one.
 *
 * @param action what the engine did about it
 * @param phase the phase it happened in
 * @param node the node, or null for a cluster-wide step
 * @param detail one line for users, e.g. {@code "SSH dropped during `cat /etc/hostname`; re-ran it on a new
 *     connection"}; never contains secrets
 */
public record Healing(Action action, Phase phase, String node, String detail) {
    /** What the engine did about a fault. */
    public enum Action {
        /** Asked again: an idempotent request or command that failed transiently. */
        RETRIED,
        /**
         * Read the state a write would have changed after its outcome was unknown, and went on from
         * what it found (the write had taken effect, or it was sent again because it had not).
         */
        RECONCILED,
        /** Destroyed a node that could not be built and cloned a fresh one in its place. */
        REPLACED
    }

    public Healing {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(detail, "detail");
    }

    /** The first line of a fault's message, for a {@code detail}; {@code "null"} for none. */
    public static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** One line, e.g. {@code "retried (ssh, np-x-n2): SSH dropped ..."}. */
    public String describe() {
        return action.name().toLowerCase(java.util.Locale.ROOT) + " (" + phase.label()
                + (node == null ? "" : ", " + node) + "): " + detail;
    }
}
