package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.Action;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.events.Durations;
import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Timeline;
import java.util.List;
import java.util.Objects;

/**
 * The build page's summary of one nested cluster: its nodes, the nesting mode and the provisioning timeline
 * (per phase and node). Saved with the build; holds no secret. No side-panel link (no icon, no URL): it shows
 * through its {@code summary.jelly}.
 */
public final class NestedPveClusterAction implements Action {
    private final String clusterName;
    private final String hostId;
    private final String outcome;
    private final String nesting;
    private final String pveVersion;
    private final List<NodeRow> nodes;
    private final List<PhaseRow> phases;
    private final String timeline;
    /** E.g. {@code 3 transient faults absorbed, 1 node replaced}; null when no fault was healed (or saved before). */
    private final String healing;
    /** One line per healed fault; null when saved before the field existed. */
    private final List<String> healings;

    /** One guest (a plain class: the build's XML is written by XStream). */
    public static final class NodeRow {
        private final String name;
        private final int vmid;
        private final String address;

        NodeRow(String name, int vmid, String address) {
            this.name = name;
            this.vmid = vmid;
            this.address = address;
        }

        public String getName() {
            return name;
        }

        public int getVmid() {
            return vmid;
        }

        public String getAddress() {
            return address;
        }
    }

    /** One phase run: e.g. {@code clone}, node or empty, {@code 4.2s}, {@code SUCCEEDED}. */
    public static final class PhaseRow {
        private final String phase;
        private final String node;
        private final String duration;
        private final String outcome;

        PhaseRow(String phase, String node, String duration, String outcome) {
            this.phase = phase;
            this.node = node;
            this.duration = duration;
            this.outcome = outcome;
        }

        public String getPhase() {
            return phase;
        }

        public String getNode() {
            return node;
        }

        public String getDuration() {
            return duration;
        }

        public String getOutcome() {
            return outcome;
        }
    }

    private NestedPveClusterAction(
            String clusterName,
            String hostId,
            String outcome,
            String nesting,
            String pveVersion,
            List<NodeRow> nodes,
            Timeline timeline) {
        this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
        this.hostId = hostId;
        this.outcome = outcome;
        this.nesting = nesting;
        this.pveVersion = pveVersion;
        this.nodes = List.copyOf(nodes);
        this.phases = timeline.phases().stream()
                .map(r -> new PhaseRow(
                        r.phase().label(),
                        r.node() == null ? "" : r.node(),
                        r.duration() == null ? "running" : Durations.human(r.duration()),
                        r.outcome() == null ? "running" : r.outcome().name()))
                .toList();
        this.timeline = timeline.render();
        List<Healing> healed = timeline.healings();
        this.healing = healed.isEmpty() ? null : timeline.healingSummary();
        this.healings = healed.stream().map(Healing::describe).toList();
    }

    /** A cluster that came up. */
    static NestedPveClusterAction ready(NestedCluster cluster, String hostId, Timeline timeline) {
        List<NodeRow> rows = cluster.nodes().stream()
                .map((NestedNode n) -> new NodeRow(n.name(), n.vmid(), n.address()))
                .toList();
        return new NestedPveClusterAction(
                cluster.name(), hostId, "ready", cluster.nesting().label(), cluster.pveVersion(), rows, timeline);
    }

    /** A cluster whose provisioning failed or was aborted. */
    static NestedPveClusterAction failed(String clusterName, String hostId, Timeline timeline, String why) {
        return new NestedPveClusterAction(clusterName, hostId, "failed: " + why, "unknown", null, List.of(), timeline);
    }

    /** What the provisioning healed, e.g. {@code 3 transient faults absorbed, 1 node replaced}; null for nothing. */
    public String getHealing() {
        return healing;
    }

    /** Each healed fault, one line each. */
    public List<String> getHealings() {
        return healings == null ? List.of() : healings;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Nested PVE cluster " + clusterName;
    }

    @Override
    public String getUrlName() {
        return null;
    }

    public String getClusterName() {
        return clusterName;
    }

    public String getHostId() {
        return hostId;
    }

    /** {@code ready} or {@code failed: <why>}. */
    public String getOutcome() {
        return outcome;
    }

    /** {@code hardware}, {@code emulated} or {@code unknown}. */
    public String getNesting() {
        return nesting;
    }

    public String getPveVersion() {
        return pveVersion;
    }

    public List<NodeRow> getNodes() {
        return nodes;
    }

    public List<PhaseRow> getPhases() {
        return phases;
    }

    /** The timeline as a fixed-width table, one row per phase and one column per node. */
    public String getTimeline() {
        return timeline;
    }

    @Override
    public String toString() {
        return "NestedPveClusterAction[" + clusterName + ", " + outcome + ", " + nodes.size() + " node(s)]";
    }
}
