package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import java.util.List;

/**
 * Steps 2 and 6b: {@code pve8to9 --full} (pve-facts §7, §13.2). Its exit code says nothing (0 even
 * with failures), so the summary is parsed. Before the upgrade, under {@code gate}, a FAIL line
 * stops the trial; after it, the checker must say the node is upgraded.
 */
final class Checker {
    static final String COMMAND = "pve8to9 --full";

    private Checker() {}

    static Outcome run(Trial t, NodeState n, boolean after, StepLog log) throws InterruptedException {
        ExecResult r = n.shell(t).stream(COMMAND, t.timeouts().checker(), log);
        CheckerSummary s = CheckerOutput.parse(n.name, after, r.stdout())
                .orElseThrow(() -> new StepFailure(COMMAND + " on " + n.name + " ended (exit " + r.exitCode()
                        + ") without its summary: " + r.tail(3)));
        n.record(s);
        log.note("summary: " + s.total() + " checks, " + s.passed() + " passed, " + s.skipped() + " skipped, "
                + s.warnings() + " warnings, " + s.failures() + " failures");
        if (after && !s.upgraded()) {
            throw new StepFailure(COMMAND + " on " + n.name
                    + " does not report 'PASS: already upgraded to Proxmox VE 9' after the upgrade");
        }
        if (s.failures() > 0 && t.plan().checker() == CheckerMode.GATE) {
            List<CheckerFinding> fails = s.failLines();
            String first =
                    fails.isEmpty() ? "FAILURES: " + s.failures() : fails.get(0).line();
            throw new StepFailure("checker gate: " + COMMAND + " on " + n.name + " reported " + s.failures()
                    + " failure(s)" + (after ? " after the upgrade" : ", nothing was changed") + ": " + first
                    + (first.contains("too old") ? " — run a minor upgrade first (to: latest)" : ""));
        }
        return Outcome.SUCCEEDED;
    }
}
