package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.pve.ClusterStatus;
import io.jenkins.plugins.nestedpve.pve.NodeStatus;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import java.util.List;
import java.util.Locale;

/**
 * Step 1, before anything changes: the cluster quorate with every node online, no running tasks on
 * the node, enough free space on {@code /}, and the node's release (a minor upgrade first when it is
 * not on the newest release of its major). Refreshes the package index of the node's current
 * sources to know that.
 */
final class Precheck {
    /** pve8to9 warns below 5 GB free on the root file system: "upgrade may fail" (pve-facts §13.2). */
    static final long MIN_ROOT_FREE_BYTES = 5_000_000_000L;

    private Precheck() {}

    static Outcome run(Trial t, NodeState n, StepLog log) throws InterruptedException {
        NodeApi api = t.nodes().api();
        clusterHealthy(t, api, log);
        List<Upid> tasks = api.activeTasks(n.name);
        if (!tasks.isEmpty()) {
            throw new StepFailure(n.name + " has " + tasks.size() + " running task(s) ("
                    + String.join(", ", tasks.stream().map(Upid::describe).toList())
                    + "); let them finish before upgrading it");
        }
        log.note("no running tasks on " + n.name);
        NodeStatus status = api.nodeStatus(n.name);
        if (status.rootfsAvail() >= 0 && status.rootfsAvail() < MIN_ROOT_FREE_BYTES) {
            throw new StepFailure(n.name + " has only " + gb(status.rootfsAvail())
                    + " free on / (pve8to9 warns below 5 GB: the upgrade may fail); give the guest a larger disk");
        }
        log.note(status.rootfsAvail() < 0 ? "free space on / not reported" : gb(status.rootfsAvail()) + " free on /");
        NodeShell sh = n.shell(t);
        ExecResult v = sh.run("pveversion", t.timeouts().command());
        n.before = PveVersionLine.parse(v.stdout())
                .orElseThrow(() -> new StepFailure("pveversion on " + n.name + " printed no pve-manager line (exit "
                        + v.exitCode() + "): " + v.tail(3)));
        log.note(n.before.line());
        checkTarget(t, n);
        aptUpdate(t, n, sh, log);
        ExecResult up = sh.run("apt list --upgradable 2>/dev/null", t.timeouts().command());
        n.needsMinorUpgrade = up.stdout().lines().anyMatch(l -> l.startsWith("pve-manager/"));
        log.note(
                n.needsMinorUpgrade
                        ? "pve-manager " + n.before.version() + " is not the newest " + n.before.major()
                                + ".x release: a minor upgrade comes first"
                        : "pve-manager " + n.before.version() + " is the newest " + n.before.major() + ".x release");
        return Outcome.SUCCEEDED;
    }

    static void clusterHealthy(Trial t, NodeApi api, StepLog log) {
        if (!t.cluster().clustered()) {
            return;
        }
        ClusterStatus cs = api.clusterStatus();
        if (!cs.quorate()) {
            throw new StepFailure("the cluster is not quorate; an upgrade needs a healthy cluster");
        }
        List<String> offline = t.nodes().names().stream()
                .filter(x -> !cs.onlineNodes().contains(x))
                .toList();
        if (!offline.isEmpty()) {
            throw new StepFailure("node(s) " + String.join(", ", offline) + " offline; pve8to9 fails while any"
                    + " cluster member is down (pve-facts §9.18)");
        }
        log.note("cluster quorate, every node online");
    }

    private static void checkTarget(Trial t, NodeState n) {
        int current = n.before.major();
        int target = t.targetMajor(current);
        if (target < current) {
            throw new StepFailure(n.name + " already runs PVE " + current + ", newer than the target " + target);
        }
        if (target > current && !(current == 8 && target == 9)) {
            throw new StepFailure("only PVE 8 → 9 major upgrades are supported, but " + n.name + " runs "
                    + n.before.version() + " and the target is " + target);
        }
    }

    /** {@code apt-get update} on the node's current sources, output streamed. */
    static void aptUpdate(Trial t, NodeState n, NodeShell sh, StepLog log) throws InterruptedException {
        ExecResult r = sh.stream("apt-get update", t.timeouts().aptUpdate(), log);
        if (!r.ok()) {
            boolean enterprise = (r.stdout() + r.stderr()).contains("enterprise.proxmox.com");
            throw new StepFailure("apt-get update on " + n.name + " exited " + r.exitCode() + ": " + r.tail(3)
                    + (enterprise
                            ? " (the pve-enterprise repository needs a subscription; a fresh 8.x has it enabled,"
                                    + " pve-facts §13.2)"
                            : ""));
        }
        // apt-get update exits 0 when a repository cannot be reached: it warns and keeps the old index
        List<String> unfetched = (r.stdout() + "\n" + r.stderr())
                .lines()
                .filter(l -> l.startsWith("W: Failed to fetch ") || l.startsWith("E: Failed to fetch "))
                .toList();
        if (!unfetched.isEmpty()) {
            throw new StepFailure("apt-get update on " + n.name + " could not fetch " + unfetched.size()
                    + " index file(s) and kept the old index (it exits 0 then): "
                    + unfetched.get(0).substring(3)
                    + " — make the repository reachable from the node (DNS, proxy, or a mirror)");
        }
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
