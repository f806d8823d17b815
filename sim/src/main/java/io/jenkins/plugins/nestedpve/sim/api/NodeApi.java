package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.http.ApiRequest;
import io.jenkins.plugins.nestedpve.sim.model.ClusterView;
import io.jenkins.plugins.nestedpve.sim.model.Corosync;
import io.jenkins.plugins.nestedpve.sim.model.NodeInfo;
import io.jenkins.plugins.nestedpve.sim.model.Perms;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.model.Storage;
import io.jenkins.plugins.nestedpve.sim.tls.CertificateInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Version, nodes, node status, storage, network and certificates (pve-facts §4, §1.6). */
final class NodeApi {
    private final PveMachine self;

    NodeApi(PveMachine self) {
        this.self = self;
    }

    void register(Registrar r) {
        r.add("GET", "/version", req -> version());
        r.add("GET", "/nodes", this::nodes);
        r.add("GET", "/nodes/{node}/status", NodeRouting.on(self, this::status));
        r.add("GET", "/nodes/{node}/storage", NodeRouting.on(self, this::storage));
        r.add("GET", "/nodes/{node}/network", NodeRouting.on(self, (m, req) -> network(m)));
        r.add("GET", "/nodes/{node}/certificates/info", NodeRouting.on(self, (m, req) -> certificates(m)));
    }

    private Map<String, Object> version() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", self.version().version());
        v.put("release", self.version().release());
        v.put("repoid", self.version().repoid());
        return v;
    }

    private List<Map<String, Object>> nodes(ApiRequest req) {
        Perms perms = new Perms(self.pmxcfs().users());
        List<Map<String, Object>> out = new ArrayList<>();
        List<Corosync.Member> members =
                self.pmxcfs().corosync().map(Corosync::members).orElse(List.of());
        if (members.isEmpty()) {
            out.add(node(
                    self, self.nodeName(), true, perms.has(req.principal(), "/nodes/" + self.nodeName(), "Sys.Audit")));
            return out;
        }
        ClusterView view = self.cluster().view();
        for (Corosync.Member m : members) {
            PveMachine mm = view.machineOf(m).orElse(null);
            boolean audit = perms.has(req.principal(), "/nodes/" + m.name(), "Sys.Audit");
            out.add(node(mm, m.name(), view.online(m), audit));
        }
        return out;
    }

    private Map<String, Object> node(PveMachine m, String name, boolean online, boolean audit) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("node", name);
        n.put("id", "node/" + name);
        n.put("type", "node");
        n.put("status", online ? "online" : "offline");
        n.put("level", "");
        self.pmxcfs().nodeCert(name).ifPresent(c -> n.put("ssl_fingerprint", c.fingerprint()));
        if (online && audit && m != null) {
            n.put("cpu", 0.0213);
            n.put("maxcpu", m.hardware().cpus());
            n.put("mem", NodeInfo.usedMemory(m));
            n.put("maxmem", m.hardware().memoryBytes());
            n.put("uptime", NodeInfo.uptimeSeconds(m));
            n.put("disk", 12L * 1024 * 1024 * 1024);
            n.put("maxdisk", 100L * 1024 * 1024 * 1024);
        }
        return n;
    }

    private Object status(PveMachine m, ApiRequest req) {
        new Perms(m.pmxcfs().users()).require(req.principal(), "/nodes/" + m.nodeName(), "Sys.Audit");
        return NodeInfo.status(m);
    }

    private Object storage(PveMachine m, ApiRequest req) {
        Perms perms = new Perms(m.pmxcfs().users());
        long used = 0;
        for (SimVm vm : m.localVms()) {
            used += vm.isTemplate() ? 32 : 2;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> s : Storage.list(m.pmxcfs(), used, req.param("content"))) {
            String path = "/storage/" + s.get("storage");
            if (perms.has(req.principal(), path, "Datastore.Audit")
                    || perms.has(req.principal(), path, "Datastore.AllocateSpace")) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<Map<String, Object>> network(PveMachine m) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> nic = new LinkedHashMap<>();
        nic.put("iface", m.isPhysical() ? "eno1" : "ens18");
        nic.put("type", "eth");
        nic.put("method", "manual");
        nic.put("active", 1);
        nic.put("exists", 1);
        nic.put("families", List.of("inet"));
        out.add(nic);
        Map<String, Object> br = new LinkedHashMap<>();
        br.put("iface", "vmbr0");
        br.put("type", "bridge");
        br.put("method", "static");
        br.put("active", 1);
        br.put("autostart", 1);
        br.put("bridge_ports", nic.get("iface"));
        br.put("bridge_stp", "off");
        br.put("bridge_fd", "0");
        br.put("cidr", m.ip() + "/24");
        br.put("address", m.ip());
        br.put("netmask", "24");
        br.put("gateway", m.ip().substring(0, m.ip().lastIndexOf('.')) + ".1");
        br.put("families", List.of("inet"));
        out.add(br);
        return out;
    }

    private static List<Map<String, Object>> certificates(PveMachine m) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(CertificateInfo.describe(m.pmxcfs().ca().certificate(), "pve-root-ca.pem"));
        out.add(CertificateInfo.describe(m.servedCertificate().certificate(), "pve-ssl.pem"));
        return out;
    }
}
