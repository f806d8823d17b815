package io.jenkins.plugins.nestedpve.placement;

import io.jenkins.plugins.nestedpve.pve.NodeSummary;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.StorageInfo;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.Placement;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides and checks the spec's placement against the physical cluster, read-only, before anything
 * is cloned: the listed nodes exist and are online, the guests fit the nodes' free memory, every
 * target node can get its clones (the template's disks on shared storage, or a template of the same
 * name on that node, pve-facts §3.4) and has the guests' bridge. Without a placement it makes no call.
 */
public final class PlacementCheck {
    private final PveClient host;
    private final ClusterSpec spec;
    private final String templateNode;
    private final int templateVmid;
    private final Set<String> templateStorages;

    /**
     * @param templateNode the node of the spec's template (the host's configured node)
     * @param templateStorages the storages of the template's disks, cloud-init drive included
     */
    public PlacementCheck(
            PveClient host, ClusterSpec spec, String templateNode, int templateVmid, Set<String> templateStorages) {
        this.host = host;
        this.spec = spec;
        this.templateNode = templateNode;
        this.templateVmid = templateVmid;
        this.templateStorages = Set.copyOf(templateStorages);
    }

    /** @throws PlacementException naming every problem; nothing has been created */
    public PlacementPlan plan() {
        Placement placement = spec.placementOrDefault();
        if (!placement.acrossNodes()) {
            return PlacementPlan.onTemplateNode(templateNode, templateVmid);
        }
        List<String> candidates = candidates(placement, host.nodes());
        List<NodeRoom> rooms = new ArrayList<>();
        for (String n : candidates) {
            rooms.add(new NodeRoom(n, host.nodeStatus(n).memory().available()));
        }
        List<String> guestNodes =
                PlacementPlanner.plan(placement, rooms, spec.nodes(), spec.memoryMiB() * 1024L * 1024L);
        List<SpecProblem> problems = new ArrayList<>();
        Map<String, Integer> nodeTemplates = new HashMap<>();
        for (String n : new LinkedHashSet<>(guestNodes)) {
            if (!n.equals(templateNode)) {
                reach(n, problems).ifPresent(vmid -> nodeTemplates.put(n, vmid));
                bridge(n).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new PlacementException(problems);
        }
        return new PlacementPlan(templateNode, templateVmid, guestNodes, nodeTemplates);
    }

    /** The nodes placement may use: the listed ones in order, else every online node. */
    private static List<String> candidates(Placement placement, List<NodeSummary> nodes) {
        String known = nodes.stream().map(NodeSummary::node).sorted().collect(Collectors.joining(", "));
        if (placement.mode() != Placement.Mode.NODES) {
            return nodes.stream()
                    .filter(NodeSummary::online)
                    .map(NodeSummary::node)
                    .toList();
        }
        List<SpecProblem> problems = new ArrayList<>();
        for (String n : placement.nodes()) {
            Optional<NodeSummary> s =
                    nodes.stream().filter(x -> x.node().equals(n)).findFirst();
            if (s.isEmpty()) {
                problems.add(new SpecProblem(
                        "placement",
                        "node '" + n + "' is not a node of this PVE cluster (nodes: " + known
                                + ") — list nodes as the PVE GUI shows them"));
            } else if (!s.get().online()) {
                problems.add(new SpecProblem(
                        "placement",
                        "node '" + n + "' is " + s.get().status() + " — bring it back, or leave it out of placement"));
            }
        }
        if (!problems.isEmpty()) {
            throw new PlacementException(problems);
        }
        return placement.nodes();
    }

    /**
     * How {@code node} gets its clones: empty when a clone with {@code target} works (the template's
     * disks, and a full clone's target storage, are shared), else the VMID of a template of the same
     * name on {@code node}; a problem when neither.
     */
    private Optional<Integer> reach(String node, List<SpecProblem> problems) {
        Map<String, StorageInfo> storages = host.storages(templateNode).stream()
                .collect(Collectors.toMap(StorageInfo::storage, s -> s, (a, b) -> a));
        List<String> local = templateStorages.stream()
                .filter(s -> storages.get(s) == null || !storages.get(s).shared())
                .sorted()
                .toList();
        Optional<String> fullTarget = spec.fullClone() ? spec.storage() : Optional.empty();
        boolean targetShared = fullTarget
                .map(s -> storages.get(s) != null && storages.get(s).shared())
                .orElse(true);
        if (local.isEmpty() && targetShared) {
            return Optional.empty();
        }
        List<VmResource> vms = host.vmResources();
        String name = vms.stream()
                .filter(v -> v.vmid() == templateVmid)
                .map(VmResource::name)
                .findFirst()
                .orElse(null);
        List<VmResource> own = vms.stream()
                .filter(v -> v.isQemu() && v.template() && node.equals(v.node()) && name != null)
                .filter(v -> name.equals(v.name()))
                .toList();
        if (own.size() == 1) {
            return Optional.of(own.get(0).vmid());
        }
        String why = !local.isEmpty()
                ? "the disks of template " + templateVmid + " are on " + String.join(", ", local)
                        + ", which is not shared storage (PVE refuses: can't clone VM to node '" + node
                        + "' (VM uses local storage))"
                : "the full clone's storage " + fullTarget.get() + " is not shared (PVE refuses: can't clone to"
                        + " non-shared storage '" + fullTarget.get() + "')";
        String fix = own.size() > 1
                ? "; " + node + " holds " + own.size() + " templates named '" + name + "' — keep one"
                : " — put the template on shared storage (Ceph RBD, NFS, ...), or create a template named '"
                        + (name == null ? "<name>" : name) + "' on " + node + " too, or use placement: host";
        problems.add(new SpecProblem("placement", "node '" + node + "' cannot get a clone: " + why + fix));
        return Optional.empty();
    }

    /** The guests on every node share one network: the bridge must exist there too. */
    private Optional<SpecProblem> bridge(String node) {
        boolean present = host.networks(node).stream()
                .anyMatch(i -> i.isBridge() && spec.bridge().equals(i.iface()));
        if (present) {
            return Optional.empty();
        }
        return Optional.of(new SpecProblem(
                "placement",
                "bridge '" + spec.bridge() + "' does not exist on node '" + node + "' — guests on several nodes"
                        + " must reach each other: give every node of the placement the bridge '" + spec.bridge()
                        + "' on the same network (and VLAN), or leave " + node + " out of placement"));
    }
}
