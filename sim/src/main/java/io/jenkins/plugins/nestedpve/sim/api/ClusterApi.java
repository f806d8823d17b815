package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.http.ApiRequest;
import io.jenkins.plugins.nestedpve.sim.model.ClusterService;
import io.jenkins.plugins.nestedpve.sim.model.Perms;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.util.List;
import java.util.Map;

/** Cluster create, join, addnode, join info, nodes and status (pve-facts §5). */
final class ClusterApi {
    private final PveMachine self;

    ClusterApi(PveMachine self) {
        this.self = self;
    }

    void register(Registrar r) {
        r.add(
                "GET",
                "/cluster/config",
                req -> List.of(
                        Map.of("name", "nodes"),
                        Map.of("name", "join"),
                        Map.of("name", "totem"),
                        Map.of("name", "apiversion"),
                        Map.of("name", "qdevice")));
        r.add("POST", "/cluster/config", this::create);
        r.add("GET", "/cluster/config/join", req -> {
            audit(req);
            return self.cluster().view().joinInfo(req.param("node"));
        });
        r.add("POST", "/cluster/config/join", this::join);
        r.add("GET", "/cluster/config/nodes", req -> {
            audit(req);
            return self.cluster().view().configNodes();
        });
        r.add("POST", "/cluster/config/nodes/{node}", this::addNode);
        r.add("GET", "/cluster/config/apiversion", req -> 1);
        r.add("GET", "/cluster/status", req -> {
            audit(req);
            return self.cluster().view().status();
        });
    }

    private void audit(ApiRequest req) {
        new Perms(self.pmxcfs().users()).require(req.principal(), "/", "Sys.Audit");
    }

    private Object create(ApiRequest req) {
        return self.cluster()
                .create(
                        req.param("clustername"),
                        req.param("link0"),
                        Args.optInt(req, "nodeid"),
                        Args.optInt(req, "votes"),
                        req.principal());
    }

    private Object join(ApiRequest req) {
        ClusterService.JoinRequest j = new ClusterService.JoinRequest(
                req.param("hostname"),
                req.param("fingerprint"),
                req.param("password"),
                req.param("link0"),
                Args.optInt(req, "nodeid"),
                Args.optInt(req, "votes"),
                req.flag("force", false));
        return self.cluster().join(j, req.principal());
    }

    /** addnode as the API offers it (the join worker calls the model directly). */
    private Object addNode(ApiRequest req) {
        Perms.requireRootPam(req.principal());
        self.cluster().checkAddnodeQuorum();
        String ip = req.param("new_node_ip");
        if (ip == null && req.param("link0") != null) {
            ip = req.param("link0").replaceFirst("^address=", "").split(",")[0];
        }
        return self.cluster()
                .addNode(
                        req.param("node"),
                        ip,
                        Args.optInt(req, "nodeid"),
                        Args.optInt(req, "votes"),
                        req.flag("force", false));
    }
}
