package io.jenkins.plugins.nestedpve.pve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cluster formation and status (pve-facts §5). Create and join need a root@pam ticket. */
final class ClusterCalls {
    private final PveClient client;
    private final PveHttp http;

    ClusterCalls(PveClient client, PveHttp http) {
        this.client = client;
        this.http = http;
    }

    Upid create(String clusterName, String link0, Integer nodeid) {
        if (!PveFormats.isClusterName(clusterName)) {
            throw new IllegalArgumentException("cluster name '" + clusterName + "' must be 1-15 letters, digits"
                    + " or '-' (PVE's pve-node format, max 15 characters)");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("clustername", clusterName);
        putIfSet(p, "link0", link0);
        putIfSet(p, "nodeid", nodeid);
        return PveClient.upid(
                "POST /cluster/config", http.call("POST", "/cluster/config", p).path("data"));
    }

    JoinInfo joinInfo() {
        return JoinInfo.from(client.get("/cluster/config/join", Map.of()));
    }

    Upid join(String hostname, Fingerprint fingerprint, String password, String link0) {
        if (hostname == null || hostname.isBlank()) {
            throw new IllegalArgumentException("the address of an existing cluster member is required");
        }
        if (password == null || password.isEmpty() || password.length() > 128) {
            throw new IllegalArgumentException("the peer's root@pam password is required (at most 128 characters)");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hostname", hostname);
        p.put("fingerprint", fingerprint.value());
        p.put("password", password);
        putIfSet(p, "link0", link0);
        return PveClient.upid(
                "POST /cluster/config/join",
                http.call("POST", "/cluster/config/join", p).path("data"));
    }

    List<ClusterNode> nodes() {
        return PveClient.list(client.get("/cluster/config/nodes", Map.of())).stream()
                .map(ClusterNode::from)
                .toList();
    }

    ClusterStatus status() {
        return ClusterStatus.from(client.get("/cluster/status", Map.of()));
    }

    private static void putIfSet(Map<String, Object> p, String key, Object value) {
        if (value != null) {
            p.put(key, value);
        }
    }
}
