package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.VmConfig;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.TemplateRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The template check: the template exists (by VMID, or exactly one template by name), is on the
 * host's node, is a template, has a cloud-init drive when the addressing is static; and the storages
 * of its disks, where linked clones allocate.
 */
final class TemplateCheck {
    static final String CHECK = "template";
    private static final Pattern DISK_KEY = Pattern.compile("(scsi|virtio|sata|ide)\\d+|efidisk0|tpmstate0");

    private final PveClient host;
    private final ClusterSpec spec;
    private final Consumer<PreflightItem> out;

    TemplateCheck(PveClient host, ClusterSpec spec, Consumer<PreflightItem> out) {
        this.host = host;
        this.spec = spec;
        this.out = out;
    }

    /** The one template {@code spec} names among {@code vms} (all VMs the token may audit). */
    Optional<VmResource> find(List<VmResource> vms) {
        TemplateRef ref = spec.template();
        List<VmResource> found = vms.stream()
                .filter(VmResource::isQemu)
                .filter(v -> ref.vmid() != null
                        ? v.vmid() == ref.vmid()
                        : v.template() && ref.name().equals(v.name()))
                .toList();
        if (found.isEmpty()) {
            fail(ref + " was not found on " + spec.host().node() + " (templates: " + templates(vms) + ")"
                    + " — check the VMID or name in the PVE GUI; the token also needs VM.Audit on it (PVE hides VMs"
                    + " the token may not audit)");
            return Optional.empty();
        }
        if (found.size() > 1 && spec.placementOrDefault().acrossNodes()) {
            // one template of the same name per node (local storage): the one on host.node is the spec's
            List<VmResource> onHostNode = found.stream()
                    .filter(v -> v.node().equals(spec.host().node()))
                    .toList();
            found = onHostNode.size() == 1 ? onHostNode : found;
        }
        if (found.size() > 1) {
            fail(ref + " matches " + found.size() + " templates ("
                    + found.stream().map(v -> Integer.toString(v.vmid())).toList() + ") — give the template's VMID");
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    /** The storages of {@code t}'s disks; reports whether {@code t} is usable. */
    Set<String> storages(VmResource t, String node) {
        if (!t.node().equals(node)) {
            fail("template " + t.vmid() + " is on node " + t.node() + " but host.node is " + node
                    + " — set host.node to " + t.node() + " or use a template on " + node);
            return Set.of();
        }
        VmConfig config = host.vmConfig(t.node(), t.vmid());
        boolean usable = true;
        if (!config.template()) {
            usable = false;
            fail("VM " + t.vmid() + " (" + config.name().orElse("no name") + ") is not a template"
                    + " — convert it with 'qm template " + t.vmid() + "' (linked clones need a template) or name"
                    + " another VM");
        }
        if (spec.addressing() instanceof Addressing.StaticPool
                && config.raw().values().stream().noneMatch(v -> v.contains("cloudinit"))) {
            usable = false;
            fail("static addressing needs a cloud-init drive in template " + t.vmid() + ", which has none — add"
                    + " one with 'qm set " + t.vmid() + " --ide2 <storage>:cloudinit' or use DHCP addressing");
        }
        if (usable) {
            out.accept(PreflightItem.pass(
                    CHECK, t.vmid() + " '" + config.name().orElse("") + "' is a template on " + node));
        }
        return diskStorages(config);
    }

    /** The storages of a VM's disks (cloud-init drives included: clones allocate them too). */
    static Set<String> diskStorages(VmConfig config) {
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

    private static String templates(List<VmResource> vms) {
        String list = vms.stream()
                .filter(v -> v.isQemu() && v.template())
                .map(v -> v.vmid() + " '" + v.name() + "'")
                .collect(Collectors.joining(", "));
        return list.isEmpty() ? "none visible" : list;
    }

    private void fail(String message) {
        out.accept(PreflightItem.fail(CHECK, CHECK, message));
    }
}
