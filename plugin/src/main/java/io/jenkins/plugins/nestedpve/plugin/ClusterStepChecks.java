package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.spec.SpecRules;
import io.jenkins.plugins.nestedpve.spec.Timeouts;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The snippet generator's checks of {@code nestedPveCluster} parameters: each asks the core's {@link SpecRules};
 * only what is about this Jenkins (its hosts, their limits, blank meaning "the host's") is decided here.
 */
final class ClusterStepChecks {
    private ClusterStepChecks() {}

    static Validation host(String value, HostDirectory hosts) {
        List<String> ids = hosts.all().stream().map(PveHostConfig::getId).toList();
        if (value == null || value.isBlank()) {
            return Validation.error("Choose a PVE host" + known(ids));
        }
        return hosts.host(value.strip()).isPresent()
                ? Validation.ok()
                : Validation.error("No PVE host '" + value.strip() + "' is configured" + known(ids));
    }

    static Validation nodes(String value, HostDirectory hosts) {
        Validation v = Validation.whole(value, SpecRules::nodes);
        Integer n = HostChecks.integer(value);
        return !v.isError() && n > hosts.maxNodesPerCluster()
                ? Validation.error("An administrator allows at most " + hosts.maxNodesPerCluster() + " nodes.")
                : v;
    }

    /** Blank: the host's template. */
    static Validation template(String value) {
        return blank(value) ? Validation.ok("The host's template applies.") : templateRef(value);
    }

    /** A template's VMID or name, as the core reads it. */
    static Validation templateRef(String value) {
        return Validation.of(() -> SpecRules.template(SpecRules.templateRef(value)));
    }

    /** Blank: the host's storage; a storage makes full clones. */
    static Validation storage(String value) {
        return blank(value) ? Validation.ok() : Validation.of(() -> SpecRules.storage(value.strip(), true));
    }

    /** Blank: the host's bridge. */
    static Validation bridge(String value) {
        return blank(value)
                ? Validation.ok("The host's bridge applies.")
                : Validation.of(() -> SpecRules.bridge(value));
    }

    /** Blank: the host's VLAN; 0: untagged. */
    static Validation vlan(String value) {
        if (blank(value)) {
            return Validation.ok("The host's VLAN applies.");
        }
        return Validation.whole(value, n -> n == 0 ? Optional.empty() : SpecRules.vlanTag(n));
    }

    static Validation nesting(String value) {
        if (blank(value)) {
            return Validation.ok("The host's default policy applies.");
        }
        try {
            NestingPolicy.parse(value);
            return Validation.ok();
        } catch (IllegalArgumentException e) {
            return Validation.error(e.getMessage());
        }
    }

    /** Blank: not kept. */
    static Validation keepOnFailure(String value) {
        return Validation.of(() -> SpecRules.duration("keepOnFailure", value).flatMap(SpecRules::keepOnFailure));
    }

    /** The bound of the whole provisioning; blank: the default. */
    static Validation timeout(String value) {
        return Validation.of(() -> SpecRules.duration("timeout", value)
                .map(d -> SpecRules.timeouts(Timeouts.defaults().withOverall(d)))
                .flatMap(p -> p.stream().findFirst()));
    }

    /** A duration as the core reads it; blank: the default. */
    static Validation duration(String value) {
        return Validation.of(() -> SpecRules.duration("timeout", value).flatMap(d -> Optional.empty()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String known(List<String> ids) {
        return ids.isEmpty()
                ? "; none is configured yet: add one in Manage Jenkins » System » Nested PVE."
                : " (configured: " + ids.stream().collect(Collectors.joining(", ")) + ").";
    }
}
