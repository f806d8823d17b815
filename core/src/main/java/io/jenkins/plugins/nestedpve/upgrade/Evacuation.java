package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.pve.TaskFailedException;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import java.util.List;
import java.util.Set;

/**
 * Step 3: the node's guests move to another node before it is touched, as a rolling upgrade does:
 * VMs online with their local disks, containers in restart mode (there is no live migration of
 * containers), pve-facts §11, §12.3. The target is a node already upgraded when there is one
 * (migrating from a newer to an older PVE is not what an upgrade does), else the next node.
 */
final class Evacuation {
    private Evacuation() {}

    static Outcome run(Trial t, NodeState n, Set<String> upgraded, StepLog log) throws InterruptedException {
        if (!t.cluster().clustered()) {
            log.note("a one-node cluster has nowhere to move its guests");
            return Outcome.SKIPPED;
        }
        if (t.plan().strategy() == Strategy.PARALLEL) {
            log.note("parallel: every node is upgraded at once, so the guests stay (and stop with the reboot)");
            return Outcome.SKIPPED;
        }
        NodeApi api = t.nodes().api();
        List<VmResource> guests = on(api, n.name);
        if (guests.isEmpty()) {
            log.note("no guests on " + n.name);
            return Outcome.SKIPPED;
        }
        String target = target(t, n.name, upgraded);
        for (VmResource g : guests) {
            migrate(t, api, g, target, log);
        }
        List<VmResource> left = on(api, n.name);
        if (!left.isEmpty()) {
            throw new StepFailure("after the migrations " + n.name + " still holds "
                    + String.join(", ", left.stream().map(Evacuation::name).toList()));
        }
        return Outcome.SUCCEEDED;
    }

    private static void migrate(Trial t, NodeApi api, VmResource g, String target, StepLog log)
            throws InterruptedException {
        log.note("migrating " + name(g) + " (" + g.status() + ") from " + g.node() + " to " + target
                + (g.isQemu() ? " online with local disks" : "running".equals(g.status()) ? " in restart mode" : ""));
        Upid upid = api.migrate(g, target);
        try {
            api.await(upid, t.polls().after(t.timeouts().migration()));
        } catch (TaskFailedException e) {
            List<String> errors =
                    e.logTail().stream().filter(l -> l.contains("ERROR")).toList();
            throw new StepFailure("migration of " + name(g) + " from " + g.node() + " to " + target + " failed ("
                    + e.exitStatus() + ")" + (errors.isEmpty() ? "" : ": " + String.join(" / ", errors)));
        }
        log.note(name(g) + " is on " + target);
    }

    static List<VmResource> on(NodeApi api, String node) {
        return api.guests().stream()
                .filter(g -> node.equals(g.node()) && !g.template())
                .toList();
    }

    static String target(Trial t, String node, Set<String> upgraded) {
        List<String> names = t.nodes().names();
        for (String u : names) {
            if (!u.equals(node) && upgraded.contains(u)) {
                return u;
            }
        }
        int i = names.indexOf(node);
        return names.get((i + 1) % names.size());
    }

    static String name(VmResource g) {
        return g.type() + "/" + g.vmid();
    }
}
