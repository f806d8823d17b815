package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.host.NestingReport;
import io.jenkins.plugins.nestedpve.placement.PlacementPlan;
import io.jenkins.plugins.nestedpve.preflight.HostEnvironment;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import java.util.Objects;

/**
 * After the validation phase (VALIDATE, then PREFLIGHT): the spec fits the physical host — the
 * template exists and is a template on the host node, storage, bridge, memory, CPUs, free VMIDs
 * and the token's privileges were checked read-only — and, where the host could be reached over
 * SSH, its nesting was checked (and enabled where allowed). Nothing has been created yet.
 *
 * @param host the physical host's API client, its certificate pinned; open until the provisioning ends
 * @param environment what the checks found: the template's VMID and node, the PVE major version
 * @param hostNesting the host's nesting report, or null when the preflight was skipped
 * @param placement the node of each guest and what it is cloned from, decided before any clone
 */
record Validated(PveClient host, HostEnvironment environment, NestingReport hostNesting, PlacementPlan placement) {
    Validated {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(environment, "environment");
        if (placement == null) {
            placement = PlacementPlan.onTemplateNode(environment.templateNode(), environment.templateVmid());
        }
    }

    /** Every guest on the template's node. */
    Validated(PveClient host, HostEnvironment environment, NestingReport hostNesting) {
        this(host, environment, hostNesting, null);
    }

    /** The node the template lives on, where the clones are made. */
    String hostNode() {
        return environment.templateNode();
    }

    /** The host's nesting mode, or null when the host was not checked. */
    NestingMode hostMode() {
        return hostNesting == null ? null : hostNesting.mode();
    }
}
