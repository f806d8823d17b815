package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.pve.SmallContainer;
import io.jenkins.plugins.nestedpve.pve.TaskFailedException;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload of {@code workload: true}: one small VM and one container per node, started before
 * the trial and removed after it. The VM has no disk and runs with {@code kvm: 0} unless the guests
 * offer hardware nesting; the container comes from a template already on the node's storage, its
 * root disk on a storage for containers ({@code rootfs=<storage>:1}, as the defaults fail on a stock
 * install, pve-facts §12.1). Both have {@code onboot: 1}.
 */
final class Workload {
    private Workload() {}

    static List<WorkloadGuest> start(Trial t, StepLog log) throws InterruptedException {
        NodeApi api = t.nodes().api();
        List<WorkloadGuest> guests = new ArrayList<>();
        int i = 1;
        for (String node : t.nodes().names()) {
            guests.add(create(t, api, "qemu", node, vmParams(t, api.nextId(), i), log));
            guests.add(create(t, api, "lxc", node, ctParams(api, node, api.nextId(), i), log));
            i++;
        }
        for (WorkloadGuest g : guests) {
            await(t, api, api.power(g.type(), g.homeNode(), g.vmid(), "start"), "starting " + g.name());
            log.note("started " + g.name() + " on " + g.homeNode());
        }
        return guests;
    }

    private static WorkloadGuest create(
            Trial t, NodeApi api, String type, String node, Map<String, Object> p, StepLog log)
            throws InterruptedException {
        int vmid = (Integer) p.get("vmid");
        await(t, api, api.create(type, node, p), "creating " + type + "/" + vmid + " on " + node);
        log.note("created " + type + "/" + vmid + " on " + node);
        return new WorkloadGuest(type, vmid, node);
    }

    private static Map<String, Object> vmParams(Trial t, int vmid, int i) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("vmid", vmid);
        p.put("name", "upgrade-trial-vm" + i);
        p.put("memory", 128);
        p.put("cores", 1);
        p.put("onboot", 1);
        if (t.cluster().nesting() != NestingMode.HARDWARE) {
            p.put("kvm", 0);
        }
        return p;
    }

    private static Map<String, Object> ctParams(NodeApi api, String node, int vmid, int i) {
        try {
            return SmallContainer.params(
                    node,
                    vmid,
                    "upgrade-trial-ct" + i,
                    api.containerTemplates(node),
                    api.storages(node, "rootdir"),
                    true);
        } catch (StepFailure e) {
            throw e;
        } catch (io.jenkins.plugins.nestedpve.NestedPveException e) {
            throw new StepFailure(e.getMessage());
        }
    }

    /** Stops and destroys the guests wherever they are now; what could not be removed is reported. */
    static void remove(Trial t, List<WorkloadGuest> guests, StepLog log) throws InterruptedException {
        NodeApi api = t.nodes().api();
        Map<Integer, String> where = new LinkedHashMap<>();
        api.guests().forEach((VmResource r) -> where.put(r.vmid(), r.node()));
        List<String> left = new ArrayList<>();
        for (WorkloadGuest g : guests) {
            String node = where.get(g.vmid());
            if (node == null) {
                continue;
            }
            try {
                if ("running".equals(api.status(g.type(), node, g.vmid()))) {
                    await(t, api, api.power(g.type(), node, g.vmid(), "stop"), "stopping " + g.name());
                }
                await(t, api, api.destroy(g.type(), node, g.vmid()), "destroying " + g.name());
                log.note("removed " + g.name() + " from " + node);
            } catch (StepFailure | io.jenkins.plugins.nestedpve.pve.PveApiException e) {
                left.add(g.name() + " (" + e.getMessage() + ")");
            }
        }
        if (!left.isEmpty()) {
            throw new StepFailure("could not remove workload guest(s): " + String.join("; ", left));
        }
    }

    private static void await(Trial t, NodeApi api, Upid upid, String what) throws InterruptedException {
        try {
            api.await(upid, t.polls().after(t.timeouts().migration()));
        } catch (TaskFailedException e) {
            throw new StepFailure(what + " failed (" + e.exitStatus() + "): " + String.join(" / ", e.logTail()));
        }
    }
}
