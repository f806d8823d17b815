package io.jenkins.plugins.nestedpve.cluster;

import java.nio.file.Path;

/**
 * The files {@link NestedCluster#writeFiles(Path)} wrote; their names are the one home of how the CLI and the
 * plugin name a cluster's files.
 *
 * @param descriptor the JSON descriptor ({@code NESTED_PVE_DESCRIPTOR})
 * @param inventory the Ansible inventory ({@code NESTED_PVE_INVENTORY})
 */
public record OutputFiles(Path descriptor, Path inventory) {
    /** {@code <cluster>.json}. */
    public static String descriptorName(String cluster) {
        return cluster + ".json";
    }

    /** {@code <cluster>-inventory.ini}. */
    public static String inventoryName(String cluster) {
        return cluster + "-inventory.ini";
    }
}
