package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.VmConfig;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code doctor}'s template check: the template exists on the node, is a template (and only one
 * by that name), and has what the addressing needs — the guest agent for DHCP, a cloud-init drive
 * for a static pool.
 */
final class TemplateDoctor {
    /** Disk keys of a VM config: {@code scsi0: local-lvm:base-9000-disk-0,size=32G}. */
    private static final Pattern DISK = Pattern.compile("(?:scsi|virtio|sata|ide|efidisk|tpmstate)[0-9]+");

    private static final Pattern VOLUME = Pattern.compile("([A-Za-z][A-Za-z0-9\\-_.]*):[^,]+");

    private final ClusterSpec spec;
    private final PveClient pve;

    TemplateDoctor(ClusterSpec spec, PveClient pve) {
        this.spec = spec;
        this.pve = pve;
    }

    /** The template found, with the storages of its disks. */
    record Template(VmResource vm, Set<String> storages) {}

    /** The verdict, and the template when one was found. */
    record Found(Check check, Optional<Template> template) {}

    Found check() {
        String node = spec.host().node();
        List<VmResource> vms = pve.vms(node);
        List<VmResource> matches = vms.stream()
                .filter(v -> spec.template().vmid() != null
                        ? v.vmid() == spec.template().vmid()
                        : spec.template().name().equals(v.name()))
                .toList();
        Optional<String> problem = problem(vms, matches);
        if (problem.isPresent()) {
            return new Found(Check.fail("template", problem.get()), Optional.empty());
        }
        VmResource t = matches.stream().filter(VmResource::template).findFirst().orElseThrow();
        VmConfig config = pve.vmConfig(node, t.vmid());
        return new Found(verdict(t, config), Optional.of(new Template(t, storagesOf(config))));
    }

    /** Why the matching VMs are not exactly one template, if they are not. */
    private Optional<String> problem(List<VmResource> vms, List<VmResource> matches) {
        if (matches.isEmpty()) {
            return Optional.of(spec.template() + " does not exist on "
                    + spec.host().node()
                    + " — set template to the VMID or name of a PVE template there (templates: " + templates(vms)
                    + ")");
        }
        List<VmResource> templates =
                matches.stream().filter(VmResource::template).toList();
        if (templates.isEmpty()) {
            VmResource vm = matches.get(0);
            return Optional.of("VM " + vm.vmid() + " '" + vm.name() + "' is not a template — convert it on the host"
                    + " with 'qm template " + vm.vmid() + "' (see docs/guest-template.md)");
        }
        if (templates.size() > 1) {
            return Optional.of("the name '" + spec.template().name() + "' fits " + templates.size() + " templates ("
                    + templates.stream().map(t -> String.valueOf(t.vmid())).collect(Collectors.joining(", "))
                    + ") — set template to one VMID");
        }
        return Optional.empty();
    }

    /** PASS, or WARN when the template lacks what the addressing needs. */
    private Check verdict(VmResource t, VmConfig config) {
        List<String> notes = new ArrayList<>();
        if (spec.addressing() instanceof Addressing.Dhcp && !config.agentEnabled()) {
            notes.add("its guest agent option is off, but DHCP addressing reads the address through the agent — run"
                    + " 'qm set " + t.vmid() + " --agent enabled=1' and install qemu-guest-agent in it");
        }
        if (spec.addressing() instanceof Addressing.StaticPool
                && config.raw().values().stream().noneMatch(v -> v.contains("cloudinit"))) {
            notes.add("it has no cloud-init drive, but static addressing needs one — run 'qm set " + t.vmid()
                    + " --ide2 <storage>:cloudinit'");
        }
        String what = t.vmid() + " '" + t.name() + "' is a template";
        return notes.isEmpty()
                ? Check.pass("template", what + (config.agentEnabled() ? " with the guest agent enabled" : ""))
                : Check.warn("template", what + ", but " + String.join("; ", notes));
    }

    private static String templates(List<VmResource> vms) {
        String list = vms.stream()
                .filter(VmResource::template)
                .map(v -> v.vmid() + " '" + v.name() + "'")
                .collect(Collectors.joining(", "));
        return list.isEmpty() ? "none" : list;
    }

    /** The storages of a VM's disks (cloud-init drives and CD-ROMs included: clones allocate them too). */
    static Set<String> storagesOf(VmConfig config) {
        Set<String> storages = new TreeSet<>();
        config.raw().forEach((key, value) -> {
            Matcher volume = VOLUME.matcher(value);
            if (DISK.matcher(key).matches() && volume.lookingAt() && !value.startsWith("none")) {
                storages.add(volume.group(1));
            }
        });
        return storages;
    }
}
