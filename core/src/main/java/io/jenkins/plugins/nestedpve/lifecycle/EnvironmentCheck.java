package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.cluster.CapacityCheck;
import io.jenkins.plugins.nestedpve.cluster.HostCapacity;
import io.jenkins.plugins.nestedpve.cluster.PrivilegeCheck;
import io.jenkins.plugins.nestedpve.cluster.VmidAllocator;
import io.jenkins.plugins.nestedpve.cluster.VmidRangeExhaustedException;
import io.jenkins.plugins.nestedpve.pve.NodeStatus;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PvePermissionException;
import io.jenkins.plugins.nestedpve.pve.StorageInfo;
import io.jenkins.plugins.nestedpve.pve.VmConfig;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import io.jenkins.plugins.nestedpve.spec.TemplateRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Phase 0: checks the environment for a spec with read-only calls — template (exists, is a
 * template, on the host node), storage, bridge, memory and CPUs, free VMIDs, the token's privileges
 * — and reports every problem at once ({@link SpecValidationException}). Writes nothing.
 */
final class EnvironmentCheck {
    private static final Pattern DISK_KEY = Pattern.compile("(scsi|virtio|sata|ide)\\d+|efidisk0|tpmstate0");

    private final PveClient host;
    private final ClusterSpec spec;
    private final Set<Integer> claimed;
    private final List<SpecProblem> problems = new ArrayList<>();

    /** @param claimed VMIDs this engine has handed out that may not be visible yet */
    EnvironmentCheck(PveClient host, ClusterSpec spec, Set<Integer> claimed) {
        this.host = host;
        this.spec = spec;
        this.claimed = claimed;
    }

    /** @throws SpecValidationException listing every problem; nothing has been created */
    Environment run() {
        String node = spec.host().node();
        int major = host.version().major();
        List<VmResource> vms = host.vmResources();
        Optional<VmResource> template = guarded("template", () -> template(vms), Optional.empty());
        Set<String> storages = guarded(
                "template", () -> template.map(t -> templateStorages(t, node)).orElse(Set.of()), Set.of());
        guardedRun("storage", () -> storage(node, storages));
        guardedRun("bridge", () -> bridge(node));
        guardedRun("memoryMiB", () -> capacity(node));
        List<Integer> vmids = guarded("vmidRange", () -> vmids(vms), List.of());
        Integer templateVmid =
                template.map(VmResource::vmid).orElse(spec.template().vmid());
        if (templateVmid != null) {
            guardedRun("host.apiToken", () -> privileges(templateVmid, storages, vmids, major));
        }
        if (!problems.isEmpty()) {
            throw new SpecValidationException(problems);
        }
        VmResource t = template.orElseThrow();
        return new Environment(t.vmid(), t.node(), major, storages, vmids);
    }

    /**
     * Runs one check; a refused read becomes a problem of {@code field} (the privilege check lists
     * what to grant), so that one missing privilege does not hide the other problems.
     */
    private <T> T guarded(String field, Supplier<T> check, T fallback) {
        try {
            return check.get();
        } catch (PvePermissionException e) {
            problem(field, "the API token may not read what this check needs: " + e.getMessage());
            return fallback;
        }
    }

    private void guardedRun(String field, Runnable check) {
        guarded(
                field,
                () -> {
                    check.run();
                    return Boolean.TRUE;
                },
                Boolean.FALSE);
    }

    private Optional<VmResource> template(List<VmResource> vms) {
        TemplateRef ref = spec.template();
        List<VmResource> found = vms.stream()
                .filter(VmResource::isQemu)
                .filter(v -> ref.vmid() != null
                        ? v.vmid() == ref.vmid()
                        : v.template() && ref.name().equals(v.name()))
                .toList();
        if (found.isEmpty()) {
            problem(
                    "template",
                    ref + " was not found on " + spec.host().node() + " — check the VMID or name in the"
                            + " PVE GUI; the token also needs VM.Audit on it (PVE hides VMs the token may not audit)");
            return Optional.empty();
        }
        if (found.size() > 1) {
            problem(
                    "template",
                    ref + " matches " + found.size() + " templates ("
                            + found.stream()
                                    .map(v -> Integer.toString(v.vmid()))
                                    .toList() + ") — give the template's VMID");
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    private Set<String> templateStorages(VmResource t, String node) {
        if (!t.node().equals(node)) {
            problem(
                    "template",
                    "template " + t.vmid() + " is on node " + t.node() + " but host.node is " + node
                            + " — set host.node to " + t.node() + " or use a template on " + node);
            return Set.of();
        }
        VmConfig config = host.vmConfig(t.node(), t.vmid());
        if (!config.template()) {
            problem(
                    "template",
                    "VM " + t.vmid() + " (" + config.name().orElse("no name") + ") is not a template"
                            + " — convert it with 'qm template " + t.vmid()
                            + "' (linked clones need a template) or name"
                            + " another VM");
        }
        Set<String> storages = new LinkedHashSet<>();
        config.raw().forEach((k, v) -> {
            if (DISK_KEY.matcher(k).matches()
                    && !v.startsWith("none")
                    && v.contains(":")
                    && !(v.contains("media=cdrom") && !v.contains("cloudinit"))) {
                storages.add(v.substring(0, v.indexOf(':')));
            }
        });
        return storages;
    }

    private void storage(String node, Set<String> templateStorages) {
        List<StorageInfo> all = host.storages(node);
        Collection<String> needed = spec.fullClone() && spec.storage().isPresent()
                ? List.of(spec.storage().get())
                : templateStorages;
        for (String sid : needed) {
            Optional<StorageInfo> s =
                    all.stream().filter(x -> sid.equals(x.storage())).findFirst();
            if (s.isEmpty()) {
                problem(
                        "storage",
                        "storage '" + sid + "' is not known on " + node + " (known: "
                                + all.stream().map(StorageInfo::storage).toList() + ") — name a storage of " + node
                                + "; the token also needs Datastore.Audit or Datastore.AllocateSpace on it");
            } else if (!s.get().holdsImages()) {
                problem(
                        "storage",
                        "storage '" + sid + "' on " + node + " does not hold VM images (content "
                                + s.get().content() + ") — use a storage with content 'images', e.g. local-lvm");
            }
        }
    }

    private void bridge(String node) {
        boolean found = host.networks(node).stream()
                .anyMatch(i -> i.isBridge() && spec.bridge().equals(i.iface()));
        if (!found) {
            problem(
                    "bridge",
                    "bridge '" + spec.bridge() + "' does not exist on " + node
                            + " — use one of its bridges (System → Network), e.g. vmbr0");
        }
    }

    private void capacity(String node) {
        NodeStatus s = host.nodeStatus(node);
        HostCapacity cap = new HostCapacity(
                s.memory().total(), s.memory().available(), s.cpuinfo().cpus());
        problems.addAll(CapacityCheck.problems(cap, node, spec.nodes(), spec.memoryMiB(), spec.cores()));
    }

    /** Free VMIDs for every guest: unused in /cluster/resources and confirmed by nextid (hidden VMs). */
    private List<Integer> vmids(List<VmResource> vms) {
        Set<Integer> used = new HashSet<>(claimed);
        vms.forEach(v -> used.add(v.vmid()));
        List<Integer> free = new ArrayList<>();
        while (free.size() < spec.nodes()) {
            OptionalInt next = VmidAllocator.next(spec.vmidRange(), used);
            if (next.isEmpty()) {
                problems.add(new VmidRangeExhaustedException(spec.vmidRange(), free.size(), spec.nodes()).toProblem());
                break;
            }
            used.add(next.getAsInt());
            if (host.checkVmidFree(next.getAsInt())) {
                free.add(next.getAsInt());
            }
        }
        return free;
    }

    private void privileges(int templateVmid, Set<String> storages, List<Integer> vmids, int major) {
        PrivilegeCheck.Context ctx = new PrivilegeCheck.Context(templateVmid, storages, vmids, major);
        problems.addAll(PrivilegeCheck.toProblems(
                PrivilegeCheck.missing(host.permissions().byPath(), spec, ctx)));
    }

    private void problem(String field, String message) {
        problems.add(new SpecProblem(field, message));
    }
}
