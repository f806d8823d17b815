package io.jenkins.plugins.nestedpve.upgrade;

import java.util.Locale;

/** What the upgrade checker ({@code pve8to9 --full}) decides. */
public enum CheckerMode {
    /** Run it on every node first; any {@code FAIL:} line stops the trial before a node changes. */
    GATE,
    /** Run it and report its FAIL and WARN lines, but go on. */
    REPORT,
    /** Do not run it. */
    SKIP;

    /** {@code gate}, {@code report} or {@code skip}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code gate}, {@code report} or {@code skip} (any case).
     *
     * @throws InvalidUpgradePlanException naming the field {@code checker}
     */
    public static CheckerMode parse(String text) {
        return PlanValues.parse(CheckerMode.class, "checker", text);
    }
}
