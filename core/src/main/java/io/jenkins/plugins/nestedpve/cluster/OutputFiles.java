package io.jenkins.plugins.nestedpve.cluster;

import java.nio.file.Path;

/**
 * The files {@link NestedCluster#writeFiles(Path)} wrote.
 *
 * @param descriptor the JSON descriptor ({@code NESTED_PVE_DESCRIPTOR})
 * @param inventory the Ansible inventory ({@code NESTED_PVE_INVENTORY})
 */
public record OutputFiles(Path descriptor, Path inventory) {}
