package io.jenkins.plugins.nestedpve.upgrade;

import java.io.Serializable;
import java.util.Objects;

/**
 * One {@code FAIL:} or {@code WARN:} line of the upgrade checker, ANSI codes stripped: a JUnit
 * {@code testcase} of its own (a failure for FAIL, a pass with the text in {@code system-out} for
 * WARN).
 *
 * @param node where the checker ran
 * @param afterUpgrade false for the run before any node changed, true for the run after the node's
 *     upgrade
 * @param severity FAIL or WARN
 * @param text the line without its prefix, e.g. {@code 1 nodes are offline!}
 */
public record CheckerFinding(String node, boolean afterUpgrade, Severity severity, String text)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The checker line prefixes that are kept (pve-facts §7). */
    public enum Severity {
        FAIL,
        WARN
    }

    public CheckerFinding {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    /** The line as the checker printed it, e.g. {@code FAIL: 1 nodes are offline!}. */
    public String line() {
        return severity.name() + ": " + text;
    }
}
