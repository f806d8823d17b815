package io.jenkins.plugins.nestedpve.spec;

import io.jenkins.plugins.nestedpve.pve.PveFormats;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The spec's name formats (pve-facts §3.1, §5.2) and the default cluster name: the one home of each format; the
 * formats PVE's API client checks too (node, dns-name, cluster name) are {@link PveFormats}', referred to here.
 */
public final class Names {
    /** {@code pve-node}: also the cluster name format (plus at most 15 characters). */
    public static final Pattern PVE_NODE = PveFormats.PVE_NODE;
    /** Lower-case DNS label, for guest node names (they become hostnames and VM names). */
    public static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    /** {@code dns-name}: dot-separated labels, for VM names. */
    public static final Pattern DNS_NAME = PveFormats.DNS_NAME;
    /**
     * {@code pve-storage-id}, matched case-insensitively by PVE (pve-common:src/PVE/JSONSchema.pm {@code
     * parse_storage_id}: {@code m/^[a-z][a-z0-9\-\_\.]*[a-z0-9]$/i}).
     */
    public static final Pattern STORAGE_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9\\-_.]*[a-zA-Z0-9]");
    /**
     * {@code pve-poolid}: up to three '/'-separated levels of letters, digits, '.', '-' and '_'
     * (pve-access-control:src/PVE/AccessControl.pm {@code verify_poolname}).
     */
    public static final Pattern POOL_ID = Pattern.compile("[A-Za-z0-9.\\-_]+(/[A-Za-z0-9.\\-_]+){0,2}");
    /**
     * {@code pve-bridge-id} ({@code [-_.\w\d]+}, qemu-server {@code net[n]} {@code bridge}) within Linux's 15
     * characters of an interface name (IFNAMSIZ).
     */
    public static final Pattern BRIDGE = Pattern.compile("[A-Za-z0-9_.\\-]{1,15}");

    public static final int CLUSTER_NAME_MAX = PveFormats.CLUSTER_NAME_MAX;
    public static final int DNS_LABEL_MAX = 63;

    private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

    private Names() {}

    /** {@code np-} and six random base-36 characters, e.g. {@code np-k3x9q2}. */
    public static String randomClusterName(RandomGenerator random) {
        StringBuilder s = new StringBuilder("np-");
        for (int i = 0; i < 6; i++) {
            s.append(BASE36.charAt(random.nextInt(BASE36.length())));
        }
        return s.toString();
    }

    /** The default node name prefix for a cluster: its lower-cased name and {@code -n}. */
    public static String defaultPrefix(String clusterName) {
        return clusterName.toLowerCase(Locale.ROOT) + "-n";
    }

    /** Shows a user value in a message, shortened so a pasted blob does not flood the log. */
    public static String show(String value) {
        if (value == null) {
            return "nothing";
        }
        return "'" + (value.length() > 40 ? value.substring(0, 37) + "..." : value) + "'";
    }
}
