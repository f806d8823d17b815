package io.jenkins.plugins.nestedpve.spec;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Collects the values of a {@link ClusterSpec}: holds a draft spec and replaces one field of it per call; {@link
 * #build()} checks the draft against {@link SpecRules}. Obtain one with {@link ClusterSpec#builder()} or {@link
 * ClusterSpec#toBuilder()}.
 */
public final class ClusterSpecBuilder {
    /** The defaults of every field, in {@link ClusterSpec}'s order; null: required, or derived by {@link #build()}. */
    static final ClusterSpec DEFAULTS = new ClusterSpec(
            null,
            null,
            3,
            2,
            4096,
            false,
            null,
            null,
            "vmbr0",
            null,
            Addressing.dhcp(),
            null,
            null,
            NestingPolicy.REQUIRE,
            true,
            false,
            VmidRange.defaults(),
            Timeouts.defaults(),
            Duration.ZERO,
            null,
            "manual",
            22,
            8006,
            null,
            Duration.ofMinutes(30),
            0,
            Placement.host(),
            null);

    private ClusterSpec draft;
    private RandomGenerator random;

    ClusterSpecBuilder(ClusterSpec draft) {
        this.draft = draft;
    }

    private ClusterSpecBuilder set(String field, Object value) {
        draft = RecordCopy.with(draft, field, value);
        return this;
    }

    public ClusterSpecBuilder host(HostRef v) {
        return set("host", v);
    }

    public ClusterSpecBuilder template(TemplateRef v) {
        return set("template", v);
    }

    public ClusterSpecBuilder templateVmid(int v) {
        return template(TemplateRef.ofVmid(v));
    }

    public ClusterSpecBuilder templateName(String v) {
        return template(TemplateRef.ofName(v));
    }

    public ClusterSpecBuilder nodes(int v) {
        return set("nodes", v);
    }

    public ClusterSpecBuilder cores(int v) {
        return set("cores", v);
    }

    public ClusterSpecBuilder memoryMiB(int v) {
        return set("memoryMiB", v);
    }

    /** Full clone to {@code targetStorage} (null: the template's storage). Default: linked clone. */
    public ClusterSpecBuilder fullClone(String targetStorage) {
        return set("fullClone", true).set("targetStorage", targetStorage);
    }

    public ClusterSpecBuilder linkedClone() {
        return set("fullClone", false).set("targetStorage", null);
    }

    /** Sets the target storage alone; only valid with a full clone. */
    public ClusterSpecBuilder storage(String v) {
        return set("targetStorage", v);
    }

    /** The host's resource pool to clone the guests into ({@code host.pool}); null (default): none. */
    public ClusterSpecBuilder pool(String v) {
        return set("resourcePool", v);
    }

    public ClusterSpecBuilder bridge(String v) {
        return set("bridge", v);
    }

    /** VLAN tag 1..4094, or null for untagged (default). */
    public ClusterSpecBuilder vlanTag(Integer v) {
        return set("vlan", v);
    }

    public ClusterSpecBuilder addressing(Addressing v) {
        return set("addressing", v);
    }

    public ClusterSpecBuilder clusterName(String v) {
        return set("clusterName", v);
    }

    public ClusterSpecBuilder nodeNamePrefix(String v) {
        return set("nodeNamePrefix", v);
    }

    public ClusterSpecBuilder nesting(NestingPolicy v) {
        return set("nesting", v);
    }

    public ClusterSpecBuilder smokeCheck(boolean v) {
        return set("smokeCheck", v);
    }

    public ClusterSpecBuilder smokeCheckContainer(boolean v) {
        return set("smokeCheckContainer", v);
    }

    public ClusterSpecBuilder vmidRange(VmidRange v) {
        return set("vmidRange", v);
    }

    public ClusterSpecBuilder vmidRange(int start, int end) {
        return vmidRange(new VmidRange(start, end));
    }

    public ClusterSpecBuilder timeouts(Timeouts v) {
        return set("timeouts", v);
    }

    public ClusterSpecBuilder keepOnFailure(Duration v) {
        return set("keepOnFailure", v);
    }

    public ClusterSpecBuilder owner(String v) {
        return set("owner", v);
    }

    public ClusterSpecBuilder buildRef(String v) {
        return set("buildRef", v);
    }

    public ClusterSpecBuilder guestSshPort(int v) {
        return set("guestSshPort", v);
    }

    public ClusterSpecBuilder guestApiPort(int v) {
        return set("guestApiPort", v);
    }

    /** How long to wait in the host's line for room; 0 fails at once when there is none. */
    public ClusterSpecBuilder capacityTimeout(Duration v) {
        return set("capacityTimeout", v);
    }

    /** Memory (MiB) the host's administrator keeps free besides the safety margin. */
    public ClusterSpecBuilder hostReserveMiB(int v) {
        return set("hostReserveMiB", v);
    }

    public ClusterSpecBuilder installationId(UUID v) {
        return set("installationId", v);
    }

    /** Which nodes of the physical cluster the guests go to (default {@link Placement#host()}). */
    public ClusterSpecBuilder placement(Placement v) {
        return set("placement", v);
    }

    /** The replacement budget; null: the engine's default. */
    public ClusterSpecBuilder replacements(Integer v) {
        return set("replacements", v);
    }

    /** Source of the default cluster name (default {@link SecureRandom}); for reproducible tests. */
    public ClusterSpecBuilder random(RandomGenerator v) {
        random = v;
        return this;
    }

    /**
     * Derives the cluster name and node name prefix when unset, then checks every field together.
     *
     * @throws SpecValidationException listing every problem, each naming the field and what to change
     */
    public ClusterSpec build() {
        String name = draft.clusterName() != null
                ? draft.clusterName()
                : Names.randomClusterName(Objects.requireNonNullElseGet(random, SecureRandom::new));
        boolean derivedPrefix = draft.nodeNamePrefix() == null;
        ClusterSpec spec = RecordCopy.with(
                RecordCopy.with(draft, "clusterName", name),
                "nodeNamePrefix",
                derivedPrefix ? Names.defaultPrefix(name) : draft.nodeNamePrefix());
        List<SpecProblem> problems = new ArrayList<>(SpecRules.problems(spec));
        if (derivedPrefix && problems.stream().anyMatch(p -> p.field().equals("clusterName"))) {
            problems.removeIf(p -> p.field().equals("nodeNamePrefix")); // one problem, not two
        }
        if (!problems.isEmpty()) {
            throw new SpecValidationException(problems);
        }
        return spec;
    }
}
