package io.jenkins.plugins.nestedpve.pve;

import java.util.regex.Pattern;

/**
 * PVE's own formats and bounds that the client checks before a request and the spec rules check before anything
 * runs: the one home of each (pve-facts §3.1, §5.2; pve-common {@code JSONSchema.pm}).
 */
public final class PveFormats {
    /** The lowest VMID PVE gives out ({@code pve-vmid}: 100..999999999). */
    public static final int VMID_MIN = 100;
    /** The highest VMID PVE accepts. */
    public static final int VMID_MAX = 999_999_999;
    /** {@code pve-node}: also the cluster name format (plus at most {@link #CLUSTER_NAME_MAX} characters). */
    public static final Pattern PVE_NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
    /** {@code dns-name}: dot-separated labels, for VM names and DNS domains. */
    public static final Pattern DNS_NAME =
            Pattern.compile("([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?\\.)*[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
    /** The longest cluster name {@code pvecm create} accepts. */
    public static final int CLUSTER_NAME_MAX = 15;

    private PveFormats() {}

    /** Whether {@code vmid} is within PVE's VMID bounds. */
    public static boolean isVmid(long vmid) {
        return vmid >= VMID_MIN && vmid <= VMID_MAX;
    }

    /** Whether {@code name} is a PVE node name. */
    public static boolean isNode(String name) {
        return name != null && PVE_NODE.matcher(name).matches();
    }

    /** Whether {@code name} is a PVE cluster name: a node name of at most {@link #CLUSTER_NAME_MAX} characters. */
    public static boolean isClusterName(String name) {
        return isNode(name) && name.length() <= CLUSTER_NAME_MAX;
    }

    /** Whether {@code name} is a DNS name. */
    public static boolean isDnsName(String name) {
        return name != null && DNS_NAME.matcher(name).matches();
    }

    /** {@code vmid}, or an exception naming the bounds ({@code what}: e.g. "VMID", "clone VMID"). */
    static int vmid(String what, int vmid) {
        if (!isVmid(vmid)) {
            throw new IllegalArgumentException(what + " " + vmid + " is outside " + VMID_MIN + ".." + VMID_MAX);
        }
        return vmid;
    }

    /** {@code node}, or an exception saying it is no PVE node name. */
    static String node(String node) {
        if (!isNode(node)) {
            throw new IllegalArgumentException("'" + node + "' is not a PVE node name");
        }
        return node;
    }
}
