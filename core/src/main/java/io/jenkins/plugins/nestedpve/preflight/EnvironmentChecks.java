package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.cluster.VmidAllocator;
import io.jenkins.plugins.nestedpve.cluster.VmidRangeExhaustedException;
import io.jenkins.plugins.nestedpve.pve.NetworkIface;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PvePermissionException;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The checks of one spec against the physical host, with read-only API calls: node, template,
 * storage, bridge, memory and cores, free VMIDs and the token's privileges. Every finding is an item
 * of one {@link PreflightReport}; provisioning's validation phase stops on any failure, {@code
 * nestedpve doctor} prints them. Writes nothing.
 */
public final class EnvironmentChecks {
    /** The report, and what was found when no check failed. */
    public record Outcome(PreflightReport report, Optional<HostEnvironment> environment) {}

    private final PveClient host;
    private final ClusterSpec spec;
    private final Set<Integer> claimed;
    private final List<PreflightItem> items = new ArrayList<>();

    /** @param claimed VMIDs this engine has handed out that may not be visible yet */
    public EnvironmentChecks(PveClient host, ClusterSpec spec, Set<Integer> claimed) {
        this.host = host;
        this.spec = spec;
        this.claimed = Set.copyOf(claimed);
    }

    /** Runs every check; a failure of the API itself (not a refusal) ends the run with its exception. */
    public Outcome run() {
        String node = spec.host().node();
        int major = host.version().major();
        PreflightItem nodeItem = NodeCheck.item(host.nodes(), node);
        items.add(nodeItem);
        if (nodeItem.verdict() == Verdict.FAIL) {
            for (String check : List.of("template", "storage", "bridge", "memory", "vmids", "privileges")) {
                items.add(PreflightItem.skip(check, "not checked: host.node is not a node of this host"));
            }
            return outcome(Optional.empty(), major, Set.of(), List.of());
        }
        TemplateCheck templates = new TemplateCheck(host, spec, items::add);
        List<VmResource> vms = host.vmResources();
        Optional<VmResource> template = guarded("template", "template", () -> templates.find(vms), Optional.empty());
        Set<String> storages = guarded(
                "template",
                "template",
                () -> template.map(t -> templates.storages(t, node)).orElse(Set.of()),
                Set.of());
        StorageCheck storage = new StorageCheck(spec, node, items::add);
        if (!storages.isEmpty() || storage.ownStorage()) {
            guarded("storage", "storage", () -> storage.check(host.storages(node), storages), null);
        } else {
            items.add(PreflightItem.skip(
                    "storage", "not checked: the clones go to the storages of the template's disks"));
        }
        guarded("bridge", "bridge", () -> bridge(node), null);
        guarded("memory", "memoryMiB", () -> RoomCheck.check(host, spec, node, items::add), null);
        List<Integer> vmids = guarded("vmids", "vmidRange", () -> vmids(vms), List.of());
        Integer templateVmid =
                template.map(VmResource::vmid).orElse(spec.template().vmid());
        if (templateVmid != null) {
            guarded("privileges", "host.apiToken", () -> privileges(templateVmid, storages, vmids, major), null);
        } else {
            items.add(PreflightItem.skip(
                    "privileges", "not checked: they are checked on the template and its storages — fix the template"));
        }
        return outcome(template, major, storages, vmids);
    }

    private Outcome outcome(Optional<VmResource> template, int major, Set<String> storages, List<Integer> vmids) {
        PreflightReport report = new PreflightReport(items);
        if (report.failed() || template.isEmpty()) {
            return new Outcome(report, Optional.empty());
        }
        VmResource t = template.get();
        return new Outcome(report, Optional.of(new HostEnvironment(t.vmid(), t.node(), major, storages, vmids)));
    }

    /**
     * Runs one check; a refused read becomes a failure of {@code field} (the privilege check lists
     * what to grant), so that one missing privilege does not hide the other problems.
     */
    private <T> T guarded(String check, String field, Supplier<T> body, T fallback) {
        try {
            return body.get();
        } catch (PvePermissionException e) {
            items.add(PreflightItem.fail(
                    check, field, "the API token may not read what this check needs: " + e.getMessage()));
            return fallback;
        }
    }

    private Void bridge(String node) {
        Optional<NetworkIface> bridge = host.networks(node).stream()
                .filter(i -> i.isBridge() && spec.bridge().equals(i.iface()))
                .findFirst();
        if (bridge.isEmpty()) {
            items.add(PreflightItem.fail(
                    "bridge",
                    "bridge",
                    "bridge '" + spec.bridge() + "' does not exist on " + node
                            + " — use one of its bridges (System → Network), e.g. vmbr0"));
            return null;
        }
        // a tag on a bridge that is not VLAN aware works too: PVE adds the bridge <bridge>v<tag>
        // on the bridge's physical port (pve-common:src/PVE/Network.pm activate_bridge_vlan)
        String vlan = spec.vlanTag().isEmpty()
                ? ""
                : bridge.get().vlanAware()
                        ? ", VLAN aware, tag " + spec.vlanTag().getAsInt()
                        : ", tag " + spec.vlanTag().getAsInt() + " on " + spec.bridge() + "v"
                                + spec.vlanTag().getAsInt();
        items.add(PreflightItem.pass("bridge", "'" + spec.bridge() + "' exists on " + node + vlan));
        return null;
    }

    /** Free VMIDs for every guest: unused in /cluster/resources and confirmed by nextid (hidden VMs). */
    private List<Integer> vmids(List<VmResource> vms) {
        Set<Integer> used = new HashSet<>(claimed);
        vms.forEach(v -> used.add(v.vmid()));
        List<Integer> free = new ArrayList<>();
        while (free.size() < spec.nodes()) {
            OptionalInt next = VmidAllocator.next(spec.vmidRange(), used);
            if (next.isEmpty()) {
                items.add(PreflightItem.fail(
                        "vmids",
                        new VmidRangeExhaustedException(spec.vmidRange(), free.size(), spec.nodes()).toProblem()));
                return free;
            }
            used.add(next.getAsInt());
            if (host.checkVmidFree(next.getAsInt())) {
                free.add(next.getAsInt());
            }
        }
        items.add(PreflightItem.pass("vmids", "free in " + spec.vmidRange() + ": " + free));
        return free;
    }

    private Void privileges(int templateVmid, Set<String> storages, List<Integer> vmids, int major) {
        PrivilegeCheck.Context ctx = new PrivilegeCheck.Context(templateVmid, storages, vmids, major);
        List<MissingPrivilege> missing =
                PrivilegeCheck.missing(host.permissions().byPath(), spec, ctx);
        PrivilegeCheck.toProblems(missing).forEach(p -> items.add(PreflightItem.fail("privileges", p)));
        if (missing.isEmpty()) {
            items.add(
                    PreflightItem.pass("privileges", "the token holds every privilege provisioning and teardown need"));
        }
        return null;
    }
}
