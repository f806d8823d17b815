package io.jenkins.plugins.nestedpve.events;

import java.util.ArrayList;
import java.util.List;

/** Words a list of absorbed faults for a summary line. */
final class HealingSummary {
    private HealingSummary() {}

    /**
     * E.g. {@code "3 transient faults absorbed, 1 node replaced"}: retries and reconciliations are
     * transient faults absorbed; replacements are counted on their own. {@code "no faults"} when the
     * list is empty.
     */
    static String of(List<Healing> healings) {
        long absorbed = healings.stream()
                .filter(h -> h.action() != Healing.Action.REPLACED)
                .count();
        long replaced = healings.size() - absorbed;
        List<String> parts = new ArrayList<>();
        if (absorbed > 0) {
            parts.add(absorbed + " transient fault" + (absorbed == 1 ? "" : "s") + " absorbed");
        }
        if (replaced > 0) {
            parts.add(replaced + " node" + (replaced == 1 ? "" : "s") + " replaced");
        }
        return parts.isEmpty() ? "no faults" : String.join(", ", parts);
    }
}
