package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a node reports about its cluster: {@code /cluster/status}, {@code /cluster/config/nodes},
 * join info and quorum (pve-manager:PVE/API2/Cluster.pm get_status; ClusterConfig.pm; pve-facts §5).
 * Corosync values are strings where PVE returns them as strings.
 */
public final class ClusterView {
    private final PveMachine node;

    ClusterView(PveMachine node) {
        this.node = node;
    }

    /** The machine of a member, when it is up, shares this /etc/pve and runs corosync. */
    public Optional<PveMachine> machineOf(Corosync.Member m) {
        if (m.name().equals(node.nodeName())) {
            return Optional.of(node);
        }
        return node.env()
                .lan()
                .machine(m.ring0Addr())
                .filter(x -> x.isUp() && x.nodeName().equals(m.name()) && x.pmxcfs() == node.pmxcfs());
    }

    public boolean online(Corosync.Member m) {
        return machineOf(m).map(x -> x.cluster().corosyncRunning()).orElse(false);
    }

    public int onlineVotes() {
        return node.pmxcfs()
                .corosync()
                .map(c -> c.members().stream()
                        .filter(this::online)
                        .mapToInt(Corosync.Member::votes)
                        .sum())
                .orElse(1);
    }

    /** Quorate when the online votes exceed half the expected votes. */
    public boolean quorate() {
        Optional<Corosync> c = node.pmxcfs().corosync();
        return c.isEmpty()
                || (node.cluster().corosyncRunning()
                        && onlineVotes() * 2 > c.get().expectedVotes());
    }

    public List<Map<String, Object>> status() {
        List<Map<String, Object>> out = new ArrayList<>();
        Optional<Corosync> oc = node.pmxcfs().corosync();
        if (oc.isEmpty()) {
            Map<String, Object> self = new LinkedHashMap<>();
            self.put("type", "node");
            self.put("id", "node/" + node.nodeName());
            self.put("name", node.nodeName());
            self.put("ip", safeLocalIp());
            self.put("local", 1);
            self.put("nodeid", 0);
            self.put("online", 1);
            self.put("level", "");
            out.add(self);
            return out;
        }
        Corosync c = oc.get();
        Map<String, Object> cl = new LinkedHashMap<>();
        cl.put("type", "cluster");
        cl.put("id", "cluster");
        cl.put("name", c.clusterName());
        cl.put("nodes", c.members().size());
        cl.put("version", c.configVersion());
        cl.put("quorate", quorate() ? 1 : 0);
        out.add(cl);
        for (Corosync.Member m : c.members()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", "node");
            e.put("id", "node/" + m.name());
            e.put("name", m.name());
            e.put("nodeid", m.nodeid());
            e.put("local", m.name().equals(node.nodeName()) ? 1 : 0);
            e.put("online", online(m) ? 1 : 0);
            e.put("ip", m.ring0Addr());
            e.put("level", "");
            out.add(e);
        }
        return out;
    }

    private String safeLocalIp() {
        try {
            return node.cluster().localIp();
        } catch (ApiException e) {
            return node.ip();
        }
    }

    /**
     * {@code GET /cluster/config/nodes}: corosync values as strings; an empty list on a standalone
     * node (pve-cluster:src/PVE/API2/ClusterConfig.pm {@code nodes}: the missing corosync.conf parses
     * to {@code {}}, Corosync.pm {@code parse_conf}, and RESTHandler.pm {@code hash_to_array(undef)}
     * is {@code []}).
     */
    public List<Map<String, Object>> configNodes() {
        List<Map<String, Object>> out = new ArrayList<>();
        Optional<Corosync> conf = node.pmxcfs().corosync();
        if (conf.isEmpty()) {
            return out;
        }
        for (Corosync.Member m : conf.get().members()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("node", m.name());
            e.put("name", m.name());
            e.put("nodeid", Integer.toString(m.nodeid()));
            e.put("quorum_votes", Integer.toString(m.votes()));
            e.put("ring0_addr", m.ring0Addr());
            out.add(e);
        }
        return out;
    }

    /** {@code GET /cluster/config/join}: 424 when standalone. */
    public Map<String, Object> joinInfo(String nodeParam) {
        Corosync c = node.pmxcfs()
                .corosync()
                .orElseThrow(
                        () -> new ApiException(424, "node is not in a cluster, no join info available!\n", Map.of()));
        String preferred = nodeParam == null ? node.nodeName() : nodeParam;
        if (c.member(preferred).isEmpty()) {
            throw ApiException.die("unknown node '" + preferred + "'");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map<String, Object> e : configNodes()) {
            // Corosync.pm nodelist entries: name, nodeid, quorum_votes, ringN_addr; the extra
            // "node" key belongs to GET /cluster/config/nodes only (hash_to_array)
            Map<String, Object> n = new LinkedHashMap<>(e);
            n.remove("node");
            n.put("pve_addr", e.get("ring0_addr"));
            n.put(
                    "pve_fp",
                    node.pmxcfs()
                            .nodeCert((String) e.get("name"))
                            .map(x -> x.fingerprint())
                            .orElse(""));
            list.add(n);
        }
        Map<String, Object> totem = new LinkedHashMap<>();
        totem.put("cluster_name", c.clusterName());
        totem.put("config_version", Integer.toString(c.configVersion()));
        totem.put("interface", Map.of("0", Map.of("linknumber", "0")));
        totem.put("ip_version", "ipv4-6");
        totem.put("link_mode", "passive");
        totem.put("secauth", "on");
        totem.put("version", "2");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodelist", list);
        out.put("preferred_node", preferred);
        out.put("totem", totem);
        out.put("config_digest", sha1(c.render()));
        return out;
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
