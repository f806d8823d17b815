package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The snippet generator's checks of {@code nestedPveCluster} parameters: pure functions to a {@link Validation}. */
final class ClusterStepChecks {
    private ClusterStepChecks() {}

    static Validation host(String value, HostDirectory hosts) {
        List<String> ids = hosts.all().stream().map(PveHostConfig::getId).toList();
        if (value == null || value.isBlank()) {
            return Validation.error("Choose a PVE host" + known(ids));
        }
        Optional<PveHostConfig> host = hosts.host(value.strip());
        return host.isPresent()
                ? Validation.ok()
                : Validation.error("No PVE host '" + value.strip() + "' is configured" + known(ids));
    }

    static Validation nodes(String value, HostDirectory hosts) {
        return HostChecks.positive(value, hosts.maxNodesPerCluster(), "The number of nodes");
    }

    static Validation cores(String value) {
        return HostChecks.positive(value, 128, "The number of cores");
    }

    static Validation memoryMiB(String value) {
        Validation v = HostChecks.positive(value, 4 * 1024 * 1024, "The memory (MiB)");
        if (v.isError()) {
            return v;
        }
        return Integer.parseInt(value.strip()) < 2048
                ? Validation.warning("PVE needs at least 2048 MiB per node to form a cluster reliably.")
                : v;
    }

    static Validation nesting(String value) {
        if (value == null || value.isBlank()) {
            return Validation.ok("The host's default policy applies.");
        }
        try {
            NestingPolicy.parse(value);
            return Validation.ok();
        } catch (IllegalArgumentException e) {
            return Validation.error(e.getMessage());
        }
    }

    static Validation duration(String value, String what) {
        try {
            DurationParser.parse(value, what);
            return Validation.ok();
        } catch (IllegalArgumentException e) {
            return Validation.error(e.getMessage());
        }
    }

    static Validation vlan(String value) {
        return value == null || value.isBlank() ? Validation.ok("The host's VLAN applies.") : HostChecks.vlan(value);
    }

    private static String known(List<String> ids) {
        return ids.isEmpty()
                ? "; none is configured yet: add one in Manage Jenkins » System » Nested PVE."
                : " (configured: " + ids.stream().collect(Collectors.joining(", ")) + ").";
    }
}
