package io.jenkins.plugins.nestedpve.cluster;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Collects the values of a {@link ClusterSpec}; {@link #build()} validates all of them together.
 * Obtain one with {@link ClusterSpec#builder()} or {@link ClusterSpec#toBuilder()}.
 */
public final class ClusterSpecBuilder {
    HostRef host;
    TemplateRef template;
    int nodes = 3;
    int cores = 2;
    int memoryMiB = 4096;
    boolean fullClone;
    String storage;
    String pool;
    String bridge = "vmbr0";
    Integer vlanTag;
    Addressing addressing = Addressing.dhcp();
    String clusterName;
    String nodeNamePrefix;
    NestingPolicy nesting = NestingPolicy.REQUIRE;
    boolean smokeCheck = true;
    boolean smokeCheckContainer;
    VmidRange vmidRange = VmidRange.defaults();
    Timeouts timeouts = Timeouts.defaults();
    Duration keepOnFailure = Duration.ZERO;
    String owner;
    String buildRef = "manual";
    int guestSshPort = 22;
    int guestApiPort = 8006;
    UUID installationId;
    RandomGenerator random;

    ClusterSpecBuilder() {}

    public ClusterSpecBuilder host(HostRef v) {
        host = v;
        return this;
    }

    public ClusterSpecBuilder template(TemplateRef v) {
        template = v;
        return this;
    }

    public ClusterSpecBuilder templateVmid(int v) {
        template = TemplateRef.ofVmid(v);
        return this;
    }

    public ClusterSpecBuilder templateName(String v) {
        template = TemplateRef.ofName(v);
        return this;
    }
    /** Default 3. */
    public ClusterSpecBuilder nodes(int v) {
        nodes = v;
        return this;
    }
    /** Default 2. */
    public ClusterSpecBuilder cores(int v) {
        cores = v;
        return this;
    }
    /** Default 4096. */
    public ClusterSpecBuilder memoryMiB(int v) {
        memoryMiB = v;
        return this;
    }
    /** Full clone to {@code targetStorage} (null: the template's storage). Default: linked clone. */
    public ClusterSpecBuilder fullClone(String targetStorage) {
        fullClone = true;
        storage = targetStorage;
        return this;
    }

    public ClusterSpecBuilder linkedClone() {
        fullClone = false;
        storage = null;
        return this;
    }
    /** Sets the target storage alone; only valid with a full clone. */
    public ClusterSpecBuilder storage(String v) {
        storage = v;
        return this;
    }
    /** The host's resource pool to clone the guests into ({@code host.pool}); null (default): none. */
    public ClusterSpecBuilder pool(String v) {
        pool = v;
        return this;
    }
    /** Default {@code vmbr0}. */
    public ClusterSpecBuilder bridge(String v) {
        bridge = v;
        return this;
    }
    /** VLAN tag 1..4094, or null for untagged (default). */
    public ClusterSpecBuilder vlanTag(Integer v) {
        vlanTag = v;
        return this;
    }
    /** Default DHCP via the guest agent. */
    public ClusterSpecBuilder addressing(Addressing v) {
        addressing = v;
        return this;
    }
    /** Default {@code np-} plus six random base-36 characters. */
    public ClusterSpecBuilder clusterName(String v) {
        clusterName = v;
        return this;
    }
    /** Default {@code <clustername in lower case>-n}. */
    public ClusterSpecBuilder nodeNamePrefix(String v) {
        nodeNamePrefix = v;
        return this;
    }
    /** Default {@link NestingPolicy#REQUIRE}. */
    public ClusterSpecBuilder nesting(NestingPolicy v) {
        nesting = v;
        return this;
    }
    /** Default on. */
    public ClusterSpecBuilder smokeCheck(boolean v) {
        smokeCheck = v;
        return this;
    }

    /** Default off: the smoke check also starts a container from a CT template on the guest's storage. */
    public ClusterSpecBuilder smokeCheckContainer(boolean v) {
        smokeCheckContainer = v;
        return this;
    }

    public ClusterSpecBuilder vmidRange(VmidRange v) {
        vmidRange = v;
        return this;
    }

    public ClusterSpecBuilder vmidRange(int start, int end) {
        vmidRange = new VmidRange(start, end);
        return this;
    }

    public ClusterSpecBuilder timeouts(Timeouts v) {
        timeouts = v;
        return this;
    }
    /** Default zero: destroy a failed cluster at once. */
    public ClusterSpecBuilder keepOnFailure(Duration v) {
        keepOnFailure = v;
        return this;
    }
    /** Required. */
    public ClusterSpecBuilder owner(String v) {
        owner = v;
        return this;
    }
    /** Default {@code manual}. */
    public ClusterSpecBuilder buildRef(String v) {
        buildRef = v;
        return this;
    }
    /** Default 22. */
    public ClusterSpecBuilder guestSshPort(int v) {
        guestSshPort = v;
        return this;
    }
    /** Default 8006. */
    public ClusterSpecBuilder guestApiPort(int v) {
        guestApiPort = v;
        return this;
    }
    /** Required. */
    public ClusterSpecBuilder installationId(UUID v) {
        installationId = v;
        return this;
    }
    /** Source of the default cluster name (default {@link SecureRandom}); for reproducible tests. */
    public ClusterSpecBuilder random(RandomGenerator v) {
        random = v;
        return this;
    }

    /**
     * Validates every field together.
     *
     * @throws SpecValidationException listing every problem, each naming the field and what to change
     */
    public ClusterSpec build() {
        String name = clusterName != null
                ? clusterName
                : Names.randomClusterName(Objects.requireNonNullElseGet(random, SecureRandom::new));
        String prefix = nodeNamePrefix != null ? nodeNamePrefix : Names.defaultPrefix(name);
        List<SpecProblem> problems = new SpecValidator(this, name, prefix).validate();
        if (!problems.isEmpty()) {
            throw new SpecValidationException(problems);
        }
        return new ClusterSpec(this, name, prefix);
    }
}
