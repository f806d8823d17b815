package io.jenkins.plugins.nestedpve.upgrade;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One run of the upgrade checker on one node, parsed: the {@code = SUMMARY =} counters (the checker
 * exits 0 even with failures, pve-facts §7) and every FAIL and WARN line.
 *
 * @param node where it ran
 * @param afterUpgrade whether this is the run after the node's upgrade
 * @param total {@code TOTAL:}
 * @param passed {@code PASSED:}
 * @param skipped {@code SKIPPED:}
 * @param warnings {@code WARNINGS:}
 * @param failures {@code FAILURES:}
 * @param findings the FAIL and WARN lines in output order
 * @param upgraded whether it printed {@code PASS: already upgraded to Proxmox VE <n>}
 */
public record CheckerSummary(
        String node,
        boolean afterUpgrade,
        int total,
        int passed,
        int skipped,
        int warnings,
        int failures,
        List<CheckerFinding> findings,
        boolean upgraded)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public CheckerSummary {
        Objects.requireNonNull(node, "node");
        findings = List.copyOf(findings);
    }

    /** The FAIL lines only. */
    public List<CheckerFinding> failLines() {
        return findings.stream()
                .filter(f -> f.severity() == CheckerFinding.Severity.FAIL)
                .toList();
    }
}
