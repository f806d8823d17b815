package io.jenkins.plugins.nestedpve.lifecycle;

import java.util.List;
import java.util.Set;

/**
 * What phase 0 found on the physical host.
 *
 * @param templateVmid the template to clone
 * @param templateNode the node the template lives on (clones are made there)
 * @param pveMajor the host's PVE major version (8 or 9)
 * @param templateStorages the storages of the template's disks
 * @param plannedVmids the VMIDs that were free when checked (the clone phase picks again)
 */
public record Environment(
        int templateVmid, String templateNode, int pveMajor, Set<String> templateStorages, List<Integer> plannedVmids) {
    public Environment {
        templateStorages = Set.copyOf(templateStorages);
        plannedVmids = List.copyOf(plannedVmids);
    }
}
