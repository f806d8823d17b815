package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;

/**
 * Step 5: {@code apt-get update} and a {@code dist-upgrade} that asks nothing, with a fixed conffile
 * policy: locally changed configuration files are kept, the package's versions saved beside them
 * (pve-facts §13.3; this keeps the LVM {@code global_filter} pve-manager added). Output streamed.
 */
final class PackageUpgrade {
    /** The non-interactive upgrade (Debian behaviour: confdef/confold, noninteractive debconf, no listchanges). */
    static final String DIST_UPGRADE = "DEBIAN_FRONTEND=noninteractive APT_LISTCHANGES_FRONTEND=none apt-get -y"
            + " -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold dist-upgrade";

    private PackageUpgrade() {}

    static Outcome update(Trial t, NodeState n, StepLog log) throws InterruptedException {
        Precheck.aptUpdate(t, n, n.shell(t), log);
        return Outcome.SUCCEEDED;
    }

    static Outcome distUpgrade(Trial t, NodeState n, StepLog log) throws InterruptedException {
        t.nodes().markBusy(n.name); // the upgrade restarts pveproxy (pve-facts §13.3); idle again after the reboot
        ExecResult r = n.shell(t).stream(DIST_UPGRADE, t.timeouts().distUpgrade(), log);
        if (!r.ok()) {
            throw new StepFailure("apt-get dist-upgrade on " + n.name + " exited " + r.exitCode() + ": " + r.tail(3));
        }
        return Outcome.SUCCEEDED;
    }

    /** Within the old major: update and dist-upgrade (on the node's current sources). */
    static Outcome minor(Trial t, NodeState n, StepLog log) throws InterruptedException {
        if (!n.needsMinorUpgrade) {
            log.note(n.name + " is on the newest release of its major");
            return Outcome.SKIPPED;
        }
        update(t, n, log);
        return distUpgrade(t, n, log);
    }

    /** The user's {@code beforeNode}/{@code afterNode} command, run as root on the node. */
    static Outcome user(Trial t, NodeState n, String what, String command, StepLog log) throws InterruptedException {
        if (command == null) {
            return Outcome.SKIPPED;
        }
        ExecResult r = n.shell(t).stream(command, t.timeouts().userCommand(), log);
        if (!r.ok()) {
            throw new StepFailure(what + " command exited " + r.exitCode() + " on " + n.name + ": " + r.tail(3));
        }
        return Outcome.SUCCEEDED;
    }
}
