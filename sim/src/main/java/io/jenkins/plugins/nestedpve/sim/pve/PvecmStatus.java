package io.jenkins.plugins.nestedpve.sim.pve;

import io.jenkins.plugins.nestedpve.sim.model.ClusterView;
import io.jenkins.plugins.nestedpve.sim.model.Corosync;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The text of {@code pvecm status} (PVE header + {@code corosync-quorumtool -siH}) and {@code pvecm
 * nodes} ({@code corosync-quorumtool -l}) (pve-facts §5.6).
 */
final class PvecmStatus {
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private PvecmStatus() {}

    static String status(PveMachine m, Corosync c) {
        ClusterView view = m.cluster().view();
        boolean quorate = view.quorate();
        int expected = c.expectedVotes();
        int total = view.onlineVotes();
        int quorum = expected / 2 + 1;
        Corosync.Member self = c.member(m.nodeName()).orElse(c.members().get(0));
        StringBuilder sb = new StringBuilder();
        sb.append("Cluster information\n-------------------\n");
        sb.append(String.format(Locale.ROOT, "%-17s %s%n", "Name:", c.clusterName()));
        sb.append(String.format(Locale.ROOT, "%-17s %d%n", "Config Version:", c.configVersion()));
        sb.append(String.format(Locale.ROOT, "%-17s %s%n", "Transport:", "knet"));
        sb.append(String.format(Locale.ROOT, "%-17s %s%n", "Secure auth:", "on"));
        sb.append("\nQuorum information\n------------------\n");
        sb.append("Date:             ")
                .append(CTIME.format(m.env().clock().instant()))
                .append('\n');
        sb.append("Quorum provider:  corosync_votequorum\n");
        sb.append("Nodes:            ").append(countOnline(view, c)).append('\n');
        sb.append(String.format(Locale.ROOT, "Node ID:          0x%08x%n", self.nodeid()));
        sb.append(String.format(
                Locale.ROOT, "Ring ID:          %x.%x%n", c.members().get(0).nodeid(), c.configVersion()));
        sb.append("Quorate:          ").append(quorate ? "Yes" : "No").append('\n');
        sb.append("\nVotequorum information\n----------------------\n");
        sb.append("Expected votes:   ").append(expected).append('\n');
        sb.append("Highest expected: ").append(expected).append('\n');
        sb.append("Total votes:      ").append(total).append('\n');
        sb.append("Quorum:           ")
                .append(quorum)
                .append(quorate ? "" : " Activity blocked")
                .append('\n');
        sb.append("Flags:            ").append(quorate ? "Quorate " : "").append('\n');
        sb.append("\nMembership information\n----------------------\n");
        sb.append("    Nodeid      Votes Name\n");
        for (Corosync.Member mem : c.members()) {
            if (!view.online(mem)) {
                continue;
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "0x%08x %10d %s%s%n",
                    mem.nodeid(),
                    mem.votes(),
                    mem.ring0Addr(),
                    mem.name().equals(m.nodeName()) ? " (local)" : ""));
        }
        return sb.toString().replace("\r\n", "\n");
    }

    static String nodes(PveMachine m, Corosync c) {
        ClusterView view = m.cluster().view();
        StringBuilder sb = new StringBuilder("\nMembership information\n----------------------\n");
        sb.append("    Nodeid      Votes Name\n");
        for (Corosync.Member mem : c.members()) {
            if (view.online(mem)) {
                sb.append(String.format(
                        Locale.ROOT,
                        "%10d %10d %s%s%n",
                        mem.nodeid(),
                        mem.votes(),
                        mem.name(),
                        mem.name().equals(m.nodeName()) ? " (local)" : ""));
            }
        }
        return sb.toString().replace("\r\n", "\n");
    }

    private static long countOnline(ClusterView view, Corosync c) {
        return c.members().stream().filter(view::online).count();
    }
}
