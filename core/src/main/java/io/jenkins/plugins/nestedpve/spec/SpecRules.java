package io.jenkins.plugins.nestedpve.spec;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule of a cluster spec, in one place: the builder, the spec file reader, the Jenkins step and its form
 * checks all ask these methods. Each problem names its field (as {@link ClusterSpec} spells it) and says what to do.
 * The host section's rules are in {@link HostRules}, the static address pool's in {@link AddressingRules}.
 */
public final class SpecRules {
    public static final int MAX_NODES = 32;
    public static final int MAX_CORES = 128;
    public static final int MIN_MEMORY_MIB = 1024;
    public static final int MAX_MEMORY_MIB = 1024 * 1024;
    public static final int MAX_TEXT = 200;

    private SpecRules() {}

    /** Every problem of {@code spec}, in field order; empty when it is valid. */
    public static List<SpecProblem> problems(ClusterSpec spec) {
        List<SpecProblem> out = new ArrayList<>();
        if (spec.host() == null) {
            out.add(new SpecProblem(
                    "host",
                    "is required — set the physical PVE host (API URL, node name, API certificate fingerprint)"));
        } else {
            out.addAll(HostRules.problems(spec.host()));
        }
        pool(spec.resourcePool()).ifPresent(out::add);
        template(spec.template()).ifPresent(out::add);
        nodes(spec.nodes()).ifPresent(out::add);
        cores(spec.cores()).ifPresent(out::add);
        memoryMiB(spec.memoryMiB()).ifPresent(out::add);
        storage(spec.targetStorage(), spec.fullClone()).ifPresent(out::add);
        bridge(spec.bridge()).ifPresent(out::add);
        vlanTag(spec.vlan()).ifPresent(out::add);
        port("guestSshPort", spec.guestSshPort(), "the port sshd listens on inside the guests, usually 22")
                .ifPresent(out::add);
        port("guestApiPort", spec.guestApiPort(), "the PVE API port inside the guests, usually 8006")
                .ifPresent(out::add);
        out.addAll(AddressingRules.problems(spec.addressing(), spec.nodes()));
        out.addAll(NamingRules.problems(spec));
        nesting(spec.nesting(), spec.host()).ifPresent(out::add);
        smokeCheck(spec.smokeCheck(), spec.smokeCheckContainer()).ifPresent(out::add);
        vmidRange(spec.vmidRange(), spec.nodes()).ifPresent(out::add);
        out.addAll(timeouts(spec.timeouts()));
        keepOnFailure(spec.keepOnFailure()).ifPresent(out::add);
        capacityTimeout(spec.capacityTimeout()).ifPresent(out::add);
        hostReserveMiB(spec.hostReserveMiB()).ifPresent(out::add);
        placement(spec.placement()).ifPresent(out::add);
        replacements(spec.replacements()).ifPresent(out::add);
        out.addAll(NamingRules.identity(spec));
        return List.copyOf(out);
    }

    /** The most node replacements one cluster may ask for. */
    public static final int MAX_REPLACEMENTS = 10;

    /** The replacement budget, when set, is 0 (fail at the first failing node) to {@value #MAX_REPLACEMENTS}. */
    public static Optional<SpecProblem> replacements(Integer replacements) {
        if (replacements == null || (replacements >= 0 && replacements <= MAX_REPLACEMENTS)) {
            return Optional.empty();
        }
        return problem(
                "replacements",
                "must be 0 to " + MAX_REPLACEMENTS + ", got " + replacements
                        + " — how many failing nodes may be destroyed and cloned afresh (0: fail at the first)");
    }

    /**
     * A template reference as people write it: all digits is a VMID (whose range {@link #template(TemplateRef)}
     * checks), anything else a VM name. {@code 42} is therefore the VMID 42 (and refused), never a name.
     *
     * @throws SpecValidationException for digits beyond any VMID
     */
    public static TemplateRef templateRef(String text) {
        String t = text.strip();
        if (!t.matches("[0-9]+")) {
            return TemplateRef.ofName(t);
        }
        if (t.length() > 10 || Long.parseLong(t) > Integer.MAX_VALUE) {
            throw new SpecValidationException(List.of(vmidOutside(t)));
        }
        return TemplateRef.ofVmid(Integer.parseInt(t));
    }

    /** A template VMID lies in PVE's 100..999999999; a name is a PVE VM name ({@code dns-name}). */
    public static Optional<SpecProblem> template(TemplateRef t) {
        if (t == null) {
            return problem("template", "is required — set the VMID or the name of the PVE template to clone");
        }
        if (t.vmid() != null && (t.vmid() < VmidRange.MIN || t.vmid() > VmidRange.MAX)) {
            return Optional.of(vmidOutside(String.valueOf(t.vmid())));
        }
        if (t.name() != null && !Names.DNS_NAME.matcher(t.name()).matches()) {
            return problem(
                    "template",
                    Names.show(t.name()) + " is not a valid PVE VM name (letters, digits, '-' and"
                            + " '.') — use the template's name as PVE shows it, or its VMID");
        }
        return Optional.empty();
    }

    private static SpecProblem vmidOutside(String vmid) {
        return new SpecProblem(
                "template",
                "VMID " + vmid + " is outside " + VmidRange.MIN + ".." + VmidRange.MAX
                        + " — use the template's VMID as PVE shows it (a reference of digits only is a VMID)");
    }

    public static Optional<SpecProblem> nodes(int nodes) {
        return nodes >= 1 && nodes <= MAX_NODES
                ? Optional.empty()
                : problem(
                        "nodes",
                        "must be between 1 and " + MAX_NODES + ", got " + nodes
                                + " — set nodes to the number of PVE guests to create (1 = a standalone node)");
    }

    public static Optional<SpecProblem> cores(int cores) {
        return cores >= 1 && cores <= MAX_CORES
                ? Optional.empty()
                : problem(
                        "cores",
                        "must be between 1 and " + MAX_CORES + ", got " + cores
                                + " — set the vCPUs per guest; 2 or more suit a PVE node");
    }

    public static Optional<SpecProblem> memoryMiB(int memoryMiB) {
        return memoryMiB >= MIN_MEMORY_MIB && memoryMiB <= MAX_MEMORY_MIB
                ? Optional.empty()
                : problem(
                        "memoryMiB",
                        "must be between " + MIN_MEMORY_MIB + " and " + MAX_MEMORY_MIB + " MiB, got " + memoryMiB
                                + " — PVE needs at least 1 GiB; 4096 suits a test node");
    }

    /** A PVE storage id; only a full clone has a target storage. Null: none. */
    public static Optional<SpecProblem> storage(String storage, boolean fullClone) {
        if (storage != null && !Names.STORAGE_ID.matcher(storage).matches()) {
            return problem(
                    "storage",
                    Names.show(storage) + " is not a PVE storage id (a letter, then letters, digits, '-', '_'"
                            + " and '.', not ending with '-', '_' or '.') — use the id from Datacenter → Storage,"
                            + " e.g. 'local-lvm'");
        }
        if (storage != null && !fullClone) {
            return problem(
                    "storage",
                    "a linked clone stays on the template's storage — remove storage, or choose a full"
                            + " clone to copy the disks to " + Names.show(storage));
        }
        return Optional.empty();
    }

    /** The resource pool: a PVE pool id; null: none. */
    public static Optional<SpecProblem> pool(String pool) {
        return pool == null || Names.POOL_ID.matcher(pool).matches()
                ? Optional.empty()
                : problem(
                        "host.pool",
                        Names.show(pool) + " is not a PVE pool id (letters, digits, '.', '-' and '_'; up to three"
                                + " levels separated by '/') — use the pool's name as 'pveum pool list' shows it,"
                                + " or leave it unset");
    }

    public static Optional<SpecProblem> bridge(String bridge) {
        return bridge != null && Names.BRIDGE.matcher(bridge).matches()
                ? Optional.empty()
                : problem(
                        "bridge",
                        Names.show(bridge) + " is not a bridge name (at most 15 letters, digits, '-', '_' or '.')"
                                + " — e.g. 'vmbr0'");
    }

    /** A VLAN tag 1..4094; null: untagged. */
    public static Optional<SpecProblem> vlanTag(Integer tag) {
        return tag == null || (tag >= 1 && tag <= 4094)
                ? Optional.empty()
                : problem(
                        "vlanTag",
                        "must be between 1 and 4094, got " + tag + " — or leave it unset for an" + " untagged port");
    }

    public static Optional<SpecProblem> nesting(NestingPolicy nesting, HostRef host) {
        if (nesting == null) {
            return problem("nesting", "is required — choose require, enable, emulate or skip");
        }
        if (nesting == NestingPolicy.ENABLE && (host == null || host.ssh() == null)) {
            return problem(
                    "nesting",
                    "'enable' needs SSH access to the physical host to write /etc/modprobe.d — set"
                            + " host.ssh, or use 'require' (checked inside the guests) or 'emulate'");
        }
        return Optional.empty();
    }

    public static Optional<SpecProblem> smokeCheck(boolean smokeCheck, boolean smokeCheckContainer) {
        return smokeCheckContainer && !smokeCheck
                ? problem(
                        "smokeCheckContainer",
                        "needs smokeCheck — the container is started by the smoke check; set smokeCheck to true"
                                + " or smokeCheckContainer to false")
                : Optional.empty();
    }

    /** Within PVE's VMIDs, start not after end, and room for {@code nodes} guests. */
    public static Optional<SpecProblem> vmidRange(VmidRange r, int nodes) {
        if (r == null) {
            return problem("vmidRange", "is required — e.g. 80000..80999");
        }
        if (r.start() < VmidRange.MIN || r.end() > VmidRange.MAX || r.start() > r.end()) {
            return problem(
                    "vmidRange",
                    r + " must lie within " + VmidRange.MIN + ".." + VmidRange.MAX
                            + " with start <= end — e.g. 80000..80999");
        }
        if (r.size() < nodes) {
            return problem(
                    "vmidRange",
                    r + " holds " + r.size() + " VMIDs but nodes is " + nodes + " — widen the range to at least "
                            + nodes + " VMIDs");
        }
        return Optional.empty();
    }

    /**
     * A duration as people write it ({@link DurationText}); blank is not set.
     *
     * @throws SpecValidationException naming {@code field} and the accepted forms
     */
    public static Optional<Duration> duration(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DurationText.parse(text));
        } catch (IllegalArgumentException e) {
            throw new SpecValidationException(List.of(new SpecProblem(field, e.getMessage())));
        }
    }

    /** Every time limit is positive. */
    public static List<SpecProblem> timeouts(Timeouts timeouts) {
        if (timeouts == null) {
            return List.of(new SpecProblem("timeouts", "is required — use Timeouts.defaults()"));
        }
        List<SpecProblem> out = new ArrayList<>();
        for (Map.Entry<String, Duration> t : timeouts.byName().entrySet()) {
            Duration d = t.getValue();
            if (d == null || d.isZero() || d.isNegative()) {
                out.add(new SpecProblem(
                        "timeouts." + t.getKey(),
                        "must be positive, got " + d + " — e.g. "
                                + Timeouts.defaults().byName().get(t.getKey())));
            }
        }
        return out;
    }

    public static Optional<SpecProblem> keepOnFailure(Duration keep) {
        return keep != null && !keep.isNegative()
                ? Optional.empty()
                : problem(
                        "keepOnFailure",
                        "must not be negative, got " + keep + " — 0 destroys a failed"
                                + " cluster at once; e.g. 2h keeps it two hours for debugging");
    }

    public static Optional<SpecProblem> capacityTimeout(Duration wait) {
        return wait != null && !wait.isNegative()
                ? Optional.empty()
                : problem(
                        "capacityTimeout",
                        "must not be negative, got " + wait + " — how long to wait for room on the host, e.g. 30m;"
                                + " 0 fails at once when the host has no room");
    }

    public static Optional<SpecProblem> hostReserveMiB(int reserve) {
        return reserve >= 0
                ? Optional.empty()
                : problem(
                        "hostReserveMiB",
                        "must not be negative, got " + reserve + " — memory (MiB) to keep free on the host, e.g."
                                + " 8192; 0 keeps only the safety margin");
    }

    static Optional<SpecProblem> port(String field, int port, String what) {
        return port >= 1 && port <= 65535
                ? Optional.empty()
                : problem(field, "must be between 1 and 65535, got " + port + " — set " + what);
    }

    /**
     * A placement's node list names PVE nodes, each once; whether they are nodes of the host's cluster,
     * online, and reachable for the template is checked against the host before anything is cloned.
     */
    public static Optional<SpecProblem> placement(Placement placement) {
        if (placement == null || placement.mode() != Placement.Mode.NODES) {
            return Optional.empty();
        }
        if (placement.nodes().isEmpty()) {
            return problem("placement", "names no node — use spread, pack, or node names separated by commas");
        }
        for (String n : placement.nodes()) {
            if (!Names.PVE_NODE.matcher(n).matches()) {
                return problem(
                        "placement",
                        Names.show(n) + " is neither spread, pack nor a PVE node name (letters, digits and '-')"
                                + " — use spread, pack, or the nodes' names as the PVE GUI shows them, e.g."
                                + " pve1,pve2");
            }
        }
        if (placement.nodes().stream().distinct().count() != placement.nodes().size()) {
            return problem("placement", "names a node twice (" + placement + ") — list each node once");
        }
        return Optional.empty();
    }

    static Optional<SpecProblem> problem(String field, String message) {
        return Optional.of(new SpecProblem(field, message));
    }
}
