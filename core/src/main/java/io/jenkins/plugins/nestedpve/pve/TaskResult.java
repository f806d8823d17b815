package io.jenkins.plugins.nestedpve.pve;

/**
 * A task that ended successfully.
 *
 * @param upid the task
 * @param exitStatus {@code OK} or {@code WARNINGS: n}
 * @param warnings the n of {@code WARNINGS: n}, else 0
 */
public record TaskResult(Upid upid, String exitStatus, int warnings) {}
