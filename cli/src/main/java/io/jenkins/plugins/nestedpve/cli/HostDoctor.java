package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.cluster.CapacityCheck;
import io.jenkins.plugins.nestedpve.cluster.HostCapacity;
import io.jenkins.plugins.nestedpve.cluster.MissingPrivilege;
import io.jenkins.plugins.nestedpve.cluster.PrivilegeCheck;
import io.jenkins.plugins.nestedpve.pve.NetworkIface;
import io.jenkins.plugins.nestedpve.pve.NodeStatus;
import io.jenkins.plugins.nestedpve.pve.NodeSummary;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.StorageInfo;
import io.jenkins.plugins.nestedpve.pve.VersionInfo;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The API checks of {@code doctor} on an authenticated client: node, template, storage, bridge,
 * memory, VMID range and token privileges. Each check reports instead of throwing, so one run
 * shows everything that needs fixing.
 */
final class HostDoctor {
    private static final long MIB = 1024L * 1024L;

    private final ClusterSpec spec;
    private final PveClient pve;
    private final List<Check> checks = new ArrayList<>();

    HostDoctor(ClusterSpec spec, PveClient pve) {
        this.spec = spec;
        this.pve = pve;
    }

    /** Runs the checks after {@code version} proved the token works. */
    List<Check> run(VersionInfo version) {
        String node = spec.host().node();
        if (!node()) {
            return List.copyOf(checks);
        }
        Optional<TemplateDoctor.Template> template = guarded("template", () -> {
            TemplateDoctor.Found found = new TemplateDoctor(spec, pve).check();
            checks.add(found.check());
            return found.template();
        });
        Set<String> templateStorages =
                template.map(TemplateDoctor.Template::storages).orElse(Set.of());
        boolean ownStorage = spec.fullClone() && spec.storage().isPresent();
        if (template.isPresent() || ownStorage) {
            guarded("storage", () -> storage(templateStorages));
        } else {
            checks.add(Check.skip("storage", "not checked: the clones go to the storages of the template's disks"));
        }
        guarded("bridge", this::bridge);
        guarded("memory", this::memory);
        List<Integer> vmids = guarded("vmids", this::vmids).orElse(List.of());
        if (template.isPresent()) {
            guarded("privileges", () -> privileges(template.get().vm(), templateStorages, vmids, version));
        } else {
            checks.add(Check.skip(
                    "privileges", "not checked: they are checked on the template and its storages — fix the template"));
        }
        return List.copyOf(checks);
    }

    private boolean node() {
        List<NodeSummary> nodes = pve.nodes();
        String node = spec.host().node();
        Optional<NodeSummary> found =
                nodes.stream().filter(n -> n.node().equals(node)).findFirst();
        if (found.isEmpty()) {
            checks.add(Check.fail(
                    "node",
                    "the host has no node '" + node + "' (it has "
                            + nodes.stream().map(NodeSummary::node).collect(Collectors.joining(", "))
                            + ") — set host.node to the node's name as the PVE GUI shows it"));
            return false;
        }
        checks.add(
                found.get().online()
                        ? Check.pass("node", "'" + node + "' is online")
                        : Check.fail(
                                "node", "'" + node + "' is " + found.get().status() + " — start it or choose another"));
        return found.get().online();
    }

    private Optional<Void> storage(Set<String> templateStorages) {
        List<StorageInfo> all = pve.storages(spec.host().node());
        Set<String> wanted = spec.fullClone() && spec.storage().isPresent()
                ? Set.of(spec.storage().get())
                : templateStorages;
        List<String> problems = new ArrayList<>();
        List<String> ok = new ArrayList<>();
        for (String sid : wanted) {
            Optional<StorageInfo> s =
                    all.stream().filter(x -> x.storage().equals(sid)).findFirst();
            if (s.isEmpty()) {
                problems.add("'" + sid + "' does not exist on " + spec.host().node() + " (storages: "
                        + all.stream().map(StorageInfo::storage).collect(Collectors.joining(", ")) + ")");
            } else if (!s.get().enabled() || !s.get().active()) {
                problems.add("'" + sid + "' is not active — enable it in Datacenter → Storage");
            } else if (!s.get().holdsImages()) {
                problems.add("'" + sid + "' does not hold disk images — add the content type 'Disk image'");
            } else {
                ok.add(sid + " (" + gib(s.get().avail()) + " free)");
            }
        }
        checks.add(
                problems.isEmpty()
                        ? Check.pass("storage", wanted.isEmpty() ? "no disk storage to check" : String.join(", ", ok))
                        : Check.fail("storage", String.join("; ", problems)));
        return Optional.empty();
    }

    private Optional<Void> bridge() {
        List<NetworkIface> ifaces = pve.networks(spec.host().node());
        Optional<NetworkIface> bridge =
                ifaces.stream().filter(i -> i.iface().equals(spec.bridge())).findFirst();
        if (bridge.isEmpty() || !bridge.get().isBridge()) {
            checks.add(Check.fail(
                    "bridge",
                    "'" + spec.bridge() + "' is not a bridge on " + spec.host().node()
                            + " (bridges: "
                            + ifaces.stream()
                                    .filter(NetworkIface::isBridge)
                                    .map(NetworkIface::iface)
                                    .collect(Collectors.joining(", "))
                            + ") — set bridge to one of them"));
        } else if (spec.vlanTag().isPresent() && !bridge.get().vlanAware()) {
            checks.add(Check.warn(
                    "bridge",
                    "'" + spec.bridge() + "' is not VLAN aware, but vlanTag is "
                            + spec.vlanTag().getAsInt() + " — enable 'VLAN aware' on the bridge"));
        } else {
            checks.add(Check.pass(
                    "bridge", "'" + spec.bridge() + "' exists" + (bridge.get().active() ? " and is active" : "")));
        }
        return Optional.empty();
    }

    private Optional<Void> memory() {
        NodeStatus status = pve.nodeStatus(spec.host().node());
        HostCapacity capacity = new HostCapacity(
                status.memory().total(),
                status.memory().free(),
                status.cpuinfo().cpus());
        List<SpecProblem> problems =
                CapacityCheck.problems(capacity, spec.host().node(), spec.nodes(), spec.memoryMiB(), spec.cores());
        checks.add(
                problems.isEmpty()
                        ? Check.pass(
                                "memory",
                                String.format(
                                        Locale.ROOT,
                                        "%d × %d MiB fit into %s free of %s; %d CPUs",
                                        spec.nodes(),
                                        spec.memoryMiB(),
                                        gib(status.memory().free()),
                                        gib(status.memory().total()),
                                        status.cpuinfo().cpus()))
                        : Check.fail(
                                "memory",
                                problems.stream().map(SpecProblem::message).collect(Collectors.joining("\n"))));
        return Optional.empty();
    }

    /** The first free VMIDs of the range, as many as nodes. */
    private Optional<List<Integer>> vmids() {
        Set<Integer> used = pve.vmResources().stream().map(VmResource::vmid).collect(Collectors.toSet());
        List<Integer> free = new ArrayList<>();
        long inUse = 0;
        for (long id = spec.vmidRange().start(); id <= spec.vmidRange().end() && free.size() < spec.nodes(); id++) {
            if (used.contains((int) id)) {
                inUse++;
            } else {
                free.add((int) id);
            }
        }
        if (free.size() < spec.nodes()) {
            checks.add(Check.fail(
                    "vmids",
                    "only " + free.size() + " VMIDs of " + spec.vmidRange() + " are free, " + spec.nodes()
                            + " needed — widen vmidRange or remove VMs there"));
        } else {
            checks.add(
                    inUse == 0
                            ? Check.pass("vmids", spec.vmidRange() + " is free (first " + free + ")")
                            : Check.warn(
                                    "vmids",
                                    inUse + " VMIDs at the start of " + spec.vmidRange()
                                            + " belong to other VMs; they are skipped (next free " + free + ")"));
        }
        return Optional.of(free);
    }

    private Optional<Void> privileges(
            VmResource template, Set<String> storages, List<Integer> vmids, VersionInfo version) {
        PrivilegeCheck.Context ctx = new PrivilegeCheck.Context(template.vmid(), storages, vmids, version.major());
        List<MissingPrivilege> missing =
                PrivilegeCheck.missing(pve.permissions().byPath(), spec, ctx);
        checks.add(
                missing.isEmpty()
                        ? Check.pass("privileges", "the token holds every privilege provisioning and teardown need")
                        : Check.fail(
                                "privileges",
                                PrivilegeCheck.toProblems(missing).stream()
                                        .map(SpecProblem::message)
                                        .collect(Collectors.joining("\n"))));
        return Optional.empty();
    }

    /** Runs one check; an unexpected API failure becomes its FAIL line instead of ending the run. */
    private <T> Optional<T> guarded(String name, Supplier<Optional<T>> check) {
        try {
            return check.get();
        } catch (NestedPveException e) {
            checks.add(Check.fail(name, e.getMessage()));
            return Optional.empty();
        }
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1024 * MIB));
    }
}
