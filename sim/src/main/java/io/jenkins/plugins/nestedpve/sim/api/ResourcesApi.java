package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiRequest;
import io.jenkins.plugins.nestedpve.sim.model.ClusterView;
import io.jenkins.plugins.nestedpve.sim.model.Corosync;
import io.jenkins.plugins.nestedpve.sim.model.NodeInfo;
import io.jenkins.plugins.nestedpve.sim.model.Perms;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.model.Storage;
import io.jenkins.plugins.nestedpve.sim.model.VmStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /cluster/resources} (pve-facts §3.3): VMs without VM.Audit silently omitted; lock and
 * tags read from the config at once, name and status from the stats broadcast, which lags: a VM
 * younger than one broadcast period shows {@code status: unknown} and no name.
 */
final class ResourcesApi {
    private final PveMachine self;

    ResourcesApi(PveMachine self) {
        this.self = self;
    }

    Object resources(ApiRequest req) {
        String type = req.param("type");
        Perms perms = new Perms(self.pmxcfs().users());
        List<Map<String, Object>> out = new ArrayList<>();
        if (type == null || type.equals("vm")) {
            for (SimVm vm : self.pmxcfs().vms()) {
                if (perms.has(req.principal(), "/vms/" + vm.vmid(), "VM.Audit")) {
                    out.add(vm(vm));
                }
            }
        }
        if (type == null || type.equals("node")) {
            List<Corosync.Member> members =
                    self.pmxcfs().corosync().map(Corosync::members).orElse(List.of());
            if (members.isEmpty()) {
                out.add(node(self.nodeName(), self, perms, req));
            }
            ClusterView view = self.cluster().view();
            for (Corosync.Member m : members) {
                out.add(node(m.name(), view.online(m) ? view.machineOf(m).orElse(null) : null, perms, req));
            }
        }
        if (type == null || type.equals("storage")) {
            List<Corosync.Member> members =
                    self.pmxcfs().corosync().map(Corosync::members).orElse(List.of());
            if (members.isEmpty()) {
                storages(self.nodeName(), true, perms, req, out);
            }
            ClusterView view = self.cluster().view();
            for (Corosync.Member m : members) {
                storages(m.name(), view.online(m), perms, req, out);
            }
        }
        return out;
    }

    /** The storages of one node: each node lists every storage, the shared one included. */
    private void storages(String node, boolean online, Perms perms, ApiRequest req, List<Map<String, Object>> out) {
        for (Map<String, Object> s : Storage.list(self.pmxcfs(), 0, null)) {
            if (perms.has(req.principal(), "/storage/" + s.get("storage"), "Datastore.Audit")) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("id", "storage/" + node + "/" + s.get("storage"));
                e.put("type", "storage");
                e.put("storage", s.get("storage"));
                e.put("node", node);
                e.put("status", online ? "available" : "unknown");
                e.put("content", s.get("content"));
                e.put("plugintype", s.get("type"));
                e.put("shared", s.get("shared"));
                if (online) {
                    e.put("disk", s.get("used"));
                    e.put("maxdisk", s.get("total"));
                }
                out.add(e);
            }
        }
    }

    private static Map<String, Object> node(String name, PveMachine m, Perms perms, ApiRequest req) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", "node/" + name);
        n.put("type", "node");
        n.put("node", name);
        n.put("status", m != null ? "online" : "offline");
        if (m != null && perms.has(req.principal(), "/nodes/" + name, "Sys.Audit")) {
            n.put("maxcpu", m.hardware().cpus());
            n.put("maxmem", m.hardware().memoryBytes());
            n.put("mem", NodeInfo.usedMemory(m));
            n.put("uptime", NodeInfo.uptimeSeconds(m));
            n.put("cpu", 0.0213);
        }
        return n;
    }

    private Map<String, Object> vm(SimVm vm) {
        Map<String, Object> e = new LinkedHashMap<>();
        String type = vm.isContainer() ? "lxc" : "qemu";
        e.put("id", type + "/" + vm.vmid());
        e.put("type", type);
        e.put("vmid", vm.vmid());
        e.put("node", vm.node());
        e.put("template", vm.isTemplate() ? 1 : 0);
        if (vm.lock() != null) {
            e.put("lock", vm.lock());
        }
        if (vm.get("tags") != null) {
            e.put("tags", vm.get("tags"));
        }
        Duration age = Duration.between(vm.createdAt(), self.env().clock().instant());
        if (age.compareTo(self.env().latency().of(Step.STATS_LAG)) < 0) {
            e.put("status", "unknown");
            return e;
        }
        e.put("status", vm.status());
        if (vm.name() != null) {
            e.put("name", vm.name());
        }
        VmStats.fill(vm, e, self.env().clock().instant());
        return e;
    }
}
