package io.jenkins.plugins.nestedpve.cluster;

import io.jenkins.plugins.nestedpve.events.PhaseTimings;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A provisioned nested PVE cluster: the result the pipeline body, the CLI and teardown work with.
 * Immutable plain data, {@link Serializable}; holds no secrets.
 *
 * <p>Outputs:
 *
 * <ul>
 *   <li>{@link #environment()}: {@code NESTED_PVE_*} variables for the body (no password; {@link
 *       #secretEnvironment(Secret)} adds it separately for callers that mask it);
 *   <li>{@link #descriptorJson()}: a stable JSON descriptor (format in {@link ClusterDescriptor});
 *   <li>{@link #ansibleInventory()}: an INI inventory;
 *   <li>{@link #writeFiles(Path)}: descriptor and inventory as files.
 * </ul>
 *
 * @param name the cluster name (also when the single node is standalone)
 * @param nodes the guests in node order; {@code nodes.get(0)} created the cluster
 * @param nesting what the guests offer inner VMs
 * @param pveVersion the guests' {@code pve-manager} version, e.g. {@code 8.4.1}
 * @param lease the lease id of this provisioning
 * @param host the physical host
 * @param timings how long each phase took per node
 * @param created when provisioning finished
 * @param expires null while in use; set when a failed cluster is kept for debugging
 */
public record NestedCluster(
        String name,
        List<NestedNode> nodes,
        NestingMode nesting,
        String pveVersion,
        String lease,
        HostRef host,
        PhaseTimings timings,
        Instant created,
        Instant expires)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Prefix of every variable. */
    public static final String ENV_PREFIX = "NESTED_PVE_";

    public NestedCluster {
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a nested cluster has at least one node");
        }
        Objects.requireNonNull(nesting, "nesting");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(host, "host");
        timings = timings == null ? PhaseTimings.empty() : timings;
        Objects.requireNonNull(created, "created");
    }

    /** Whether the nodes form a PVE cluster (more than one node). */
    public boolean clustered() {
        return nodes.size() > 1;
    }

    public NestedNode firstNode() {
        return nodes.get(0);
    }

    public Optional<NestedNode> node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expires);
    }

    public NestedCluster withExpiry(Instant at) {
        return new NestedCluster(name, nodes, nesting, pveVersion, lease, host, timings, created, at);
    }

    public NestedCluster withTimings(PhaseTimings t) {
        return new NestedCluster(name, nodes, nesting, pveVersion, lease, host, t, created, expires);
    }

    /**
     * The variables for the body, in a stable order: {@code NESTED_PVE_CLUSTER}, {@code _LEASE},
     * {@code _CLUSTERED}, {@code _NODES} (space-separated names), {@code _NODE_COUNT}, {@code _IPS}
     * (space-separated), {@code _API_URL} and {@code _FINGERPRINT} (first node), {@code _SSH_PORT},
     * {@code _API_PORT}, {@code _NESTING} ({@code hardware|emulated|unknown}), {@code _VERSION}, then
     * per node {@code NESTED_PVE_NODE<i>_NAME}, {@code _IP}, {@code _VMID}, {@code _FINGERPRINT},
     * {@code _SSH_HOST_KEY}, {@code _API_URL}. No password.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        NestedNode first = firstNode();
        env.put(ENV_PREFIX + "CLUSTER", name);
        env.put(ENV_PREFIX + "LEASE", lease);
        env.put(ENV_PREFIX + "CLUSTERED", Boolean.toString(clustered()));
        env.put(ENV_PREFIX + "NODES", nodes.stream().map(NestedNode::name).collect(Collectors.joining(" ")));
        env.put(ENV_PREFIX + "NODE_COUNT", Integer.toString(nodes.size()));
        env.put(ENV_PREFIX + "IPS", nodes.stream().map(NestedNode::address).collect(Collectors.joining(" ")));
        env.put(ENV_PREFIX + "API_URL", first.apiUrl());
        env.put(ENV_PREFIX + "FINGERPRINT", nullToEmpty(first.apiFingerprint()));
        env.put(ENV_PREFIX + "SSH_PORT", Integer.toString(first.sshPort()));
        env.put(ENV_PREFIX + "API_PORT", Integer.toString(first.apiPort()));
        env.put(ENV_PREFIX + "NESTING", nesting.label());
        env.put(ENV_PREFIX + "VERSION", nullToEmpty(pveVersion));
        for (int i = 0; i < nodes.size(); i++) {
            NestedNode n = nodes.get(i);
            String p = ENV_PREFIX + "NODE" + (i + 1) + "_";
            env.put(p + "NAME", n.name());
            env.put(p + "IP", n.address());
            env.put(p + "VMID", Integer.toString(n.vmid()));
            env.put(p + "FINGERPRINT", nullToEmpty(n.apiFingerprint()));
            env.put(p + "SSH_HOST_KEY", nullToEmpty(n.sshHostKeyFingerprint()));
            env.put(p + "API_URL", n.apiUrl());
        }
        return Collections.unmodifiableMap(env);
    }

    /** {@link #environment()} plus {@code NESTED_PVE_DESCRIPTOR} and {@code NESTED_PVE_INVENTORY}. */
    public Map<String, String> environment(OutputFiles files) {
        Map<String, String> env = new LinkedHashMap<>(environment());
        env.put(ENV_PREFIX + "DESCRIPTOR", files.descriptor().toString());
        env.put(ENV_PREFIX + "INVENTORY", files.inventory().toString());
        return Collections.unmodifiableMap(env);
    }

    /**
     * {@code NESTED_PVE_ROOT_PASSWORD}, kept apart from {@link #environment()} so that only callers
     * that mask it (Jenkins' sensitive variables) expose it.
     */
    public Map<String, String> secretEnvironment(Secret rootPassword) {
        return Map.of(ENV_PREFIX + "ROOT_PASSWORD", rootPassword.reveal());
    }

    /** The JSON descriptor; see {@link ClusterDescriptor} for the format. No secrets. */
    public String descriptorJson() {
        return ClusterDescriptor.write(this);
    }

    /**
     * Reads a descriptor written by {@link #descriptorJson()}.
     *
     * @throws IllegalArgumentException when {@code json} is not a nested-pve cluster descriptor
     */
    public static NestedCluster fromDescriptorJson(String json) {
        return ClusterDescriptor.read(json);
    }

    /**
     * An Ansible INI inventory: every node in group {@code [nested_pve]} and in a group named after
     * the cluster (characters other than letters, digits and {@code _} become {@code _}, as Ansible
     * wants), one host line each: {@code <name> ansible_host=<ip> ansible_port=<ssh port>
     * ansible_user=root pve_vmid=<vmid> pve_fingerprint=<api fingerprint>
     * pve_ssh_host_key=<fingerprint>}. No password.
     */
    public String ansibleInventory() {
        return AnsibleInventory.render(this);
    }

    /**
     * Writes {@code <cluster>.json} (descriptor) and {@code <cluster>-inventory.ini} into {@code
     * dir}, creating it; each file is written by {@link SafeFiles} (a new file with an
     * unpredictable name, moved into place; a symbolic link at the target is replaced, not followed).
     */
    public OutputFiles writeFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path descriptor = dir.resolve(OutputFiles.descriptorName(name));
        Path inventory = dir.resolve(OutputFiles.inventoryName(name));
        write(descriptor, descriptorJson());
        write(inventory, ansibleInventory());
        return new OutputFiles(descriptor, inventory);
    }

    private static void write(Path target, String text) throws IOException {
        SafeFiles.write(target, text, SafeFiles.Visibility.NORMAL);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
