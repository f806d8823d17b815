package io.jenkins.plugins.nestedpve.placement;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where each guest goes and what it is cloned from, decided before anything is cloned.
 *
 * @param templateNode the node of the spec's template
 * @param templateVmid the spec's template
 * @param guestNodes the node of each guest, guest 1 first; empty: every guest on {@code templateNode}
 * @param nodeTemplates for a node whose clones cannot come from the template (its disks are on local
 *     storage), the VMID of the template of the same name on that node
 */
public record PlacementPlan(
        String templateNode, int templateVmid, List<String> guestNodes, Map<String, Integer> nodeTemplates) {
    public PlacementPlan {
        Objects.requireNonNull(templateNode, "templateNode");
        guestNodes = List.copyOf(guestNodes);
        nodeTemplates = Map.copyOf(nodeTemplates);
    }

    /**
     * What one clone is made from: the API call goes to {@code node}, clones {@code vmid} and, when
     * {@code target} is not null, moves the new VM to {@code target} (a linked clone to another node
     * needs the template's disks on shared storage, pve-facts §3.4).
     */
    public record CloneSource(String node, int vmid, String target) {
        /** The node the new VM lives on once cloned. */
        public String guestNode() {
            return target != null ? target : node;
        }
    }

    /** Every guest on the template's node: today's behaviour without a placement. */
    public static PlacementPlan onTemplateNode(String templateNode, int templateVmid) {
        return new PlacementPlan(templateNode, templateVmid, List.of(), Map.of());
    }

    /** The node of guest {@code index} (1-based); a replacement of a guest goes where the guest went. */
    public String nodeOf(int index) {
        if (guestNodes.isEmpty()) {
            return templateNode;
        }
        return guestNodes.get((index - 1) % guestNodes.size());
    }

    /** What a guest on {@code node} is cloned from. */
    public CloneSource sourceFor(String node) {
        Integer local = nodeTemplates.get(node);
        if (local != null) {
            return new CloneSource(node, local, null);
        }
        return new CloneSource(templateNode, templateVmid, node.equals(templateNode) ? null : node);
    }

    /** The clone source of guest {@code index} (1-based). */
    public CloneSource sourceOf(int index) {
        return sourceFor(nodeOf(index));
    }
}
