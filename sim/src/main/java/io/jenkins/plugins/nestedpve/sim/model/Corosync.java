package io.jenkins.plugins.nestedpve.sim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /etc/pve/corosync.conf} of a cluster: name, config version and the node list
 * (pve-cluster:src/PVE/Corosync.pm create_conf). Thread-safe.
 */
public final class Corosync {
    /** One nodelist entry. */
    public record Member(String name, int nodeid, int votes, String ring0Addr) {}

    private final String clusterName;
    private final List<Member> members = new ArrayList<>();
    private int configVersion = 1;
    private Integer expectedOverride;

    public Corosync(String clusterName, Member first) {
        this.clusterName = clusterName;
        members.add(first);
    }

    public String clusterName() {
        return clusterName;
    }

    public synchronized int configVersion() {
        return configVersion;
    }

    public synchronized List<Member> members() {
        return List.copyOf(members);
    }

    public synchronized Optional<Member> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Adds a node and bumps the config version. */
    public synchronized void add(Member m) {
        members.add(m);
        configVersion++;
        expectedOverride = null;
    }

    /**
     * Removes a node and bumps the config version (ClusterConfig.pm delnode, Corosync.pm
     * update_nodelist); expected votes follow the new node list again.
     */
    public synchronized void remove(Member m) {
        if (members.remove(m)) {
            configVersion++;
            expectedOverride = null;
        }
    }

    /** The lowest free node id. */
    public synchronized int nextNodeId() {
        int id = 1;
        while (true) {
            final int probe = id;
            if (members.stream().noneMatch(m -> m.nodeid() == probe)) {
                return id;
            }
            id++;
        }
    }

    public synchronized int totalVotes() {
        return members.stream().mapToInt(Member::votes).sum();
    }

    /** Expected votes: the configured votes, or what {@code pvecm expected} set. */
    public synchronized int expectedVotes() {
        return expectedOverride != null ? expectedOverride : totalVotes();
    }

    public synchronized void setExpected(int votes) {
        expectedOverride = votes;
    }

    /** The corosync.conf text. */
    public synchronized String render() {
        StringBuilder sb = new StringBuilder("logging {\n  debug: off\n  to_syslog: yes\n}\n\nnodelist {\n");
        for (Member m : members) {
            sb.append("  node {\n    name: ")
                    .append(m.name())
                    .append("\n    nodeid: ")
                    .append(m.nodeid())
                    .append("\n    quorum_votes: ")
                    .append(m.votes())
                    .append("\n    ring0_addr: ")
                    .append(m.ring0Addr())
                    .append("\n  }\n");
        }
        sb.append("}\n\nquorum {\n  provider: corosync_votequorum\n}\n\ntotem {\n  cluster_name: ")
                .append(clusterName)
                .append("\n  config_version: ")
                .append(configVersion)
                .append("\n  interface {\n    linknumber: 0\n  }\n  ip_version: ipv4-6\n  link_mode: passive\n"
                        + "  secauth: on\n  version: 2\n}\n");
        return sb.toString();
    }
}
