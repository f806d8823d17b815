package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.pve.VersionInfo;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;

/**
 * Step 6b: {@code pveversion} shows the target major and, after a major upgrade, a kernel other than
 * the one running before (pve-facts §7: the new pve-manager and kernel show once rebooted); the
 * API's {@code /version} agrees.
 */
final class Verify {
    private Verify() {}

    static Outcome run(Trial t, NodeState n, StepLog log) throws InterruptedException {
        ExecResult r = n.shell(t).run("pveversion", t.timeouts().command());
        PveVersionLine now = PveVersionLine.parse(r.stdout())
                .orElseThrow(() -> new StepFailure("pveversion on " + n.name + " printed no pve-manager line after"
                        + " the upgrade (exit " + r.exitCode() + "): " + r.tail(3)));
        n.after = now;
        log.note(now.line());
        int target = t.targetMajor(n.before.major());
        if (now.major() != target) {
            throw new StepFailure(n.name + " runs " + now.line() + " after the upgrade, not PVE " + target);
        }
        if (t.major() && now.kernel().equals(n.before.kernel())) {
            throw new StepFailure(n.name + " still runs kernel " + now.kernel() + " after the reboot: the new kernel"
                    + " is not running");
        }
        VersionInfo api = t.nodes().apiOf(n.name).version();
        if (api.major() != target) {
            throw new StepFailure("the API of " + n.name + " reports release " + api.release() + ", not PVE " + target);
        }
        log.note("/version: " + api.version() + " (release " + api.release() + ")");
        n.upgraded = true;
        return Outcome.SUCCEEDED;
    }
}
