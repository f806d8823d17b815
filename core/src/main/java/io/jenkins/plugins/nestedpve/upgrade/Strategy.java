package io.jenkins.plugins.nestedpve.upgrade;

import java.util.Locale;

/** In which order the nodes are upgraded. */
public enum Strategy {
    /** One node at a time; the cluster must be quorate with every node online before the next. */
    ROLLING,
    /** Every node at once, then the same wait for a quorate cluster. */
    PARALLEL;

    /** The spelling of parameters and reports: {@code rolling} or {@code parallel}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code rolling} or {@code parallel} (any case).
     *
     * @throws InvalidUpgradePlanException naming the field {@code strategy}
     */
    public static Strategy parse(String text) {
        return PlanValues.parse(Strategy.class, "strategy", text);
    }
}
