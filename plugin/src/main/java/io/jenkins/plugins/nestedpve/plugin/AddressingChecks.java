package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.spec.AddressingRules;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import java.util.List;
import java.util.Set;

/**
 * Checks of the static address pool, which matter only when the host's addressing is {@code STATIC}: the host's
 * subnet becomes the core's {@link Addressing#subnet} pool and {@link AddressingRules} judges it.
 */
public final class AddressingChecks {
    private static final Set<String> POOL_FIELDS = Set.of("addressing.pool", "addressing.prefixLength");

    private AddressingChecks() {}

    /** The pool in CIDR notation. */
    public static Validation pool(String addressing, String cidr) {
        if (!isStatic(addressing)) {
            return Validation.ok();
        }
        if (HostChecks.blank(cidr)) {
            return Validation.error(
                    "Static addressing needs a pool, e.g. 10.20.0.0/24 (guests get addresses from it).");
        }
        return Validation.of(problems(cidr, null).stream()
                .filter(p -> POOL_FIELDS.contains(p.field()))
                .toList());
    }

    /** The default gateway of the guests: a host address of the pool's subnet. */
    public static Validation gateway(String addressing, String cidr, String gateway) {
        if (!isStatic(addressing)) {
            return Validation.ok();
        }
        if (HostChecks.blank(gateway)) {
            return Validation.error("Static addressing needs the guests' default gateway, e.g. 10.20.0.1.");
        }
        return Validation.of(problems(cidr, gateway.strip()).stream()
                .filter(p ->
                        p.field().equals("addressing.gateway") || p.message().contains("gateway's subnet"))
                .toList());
    }

    private static List<SpecProblem> problems(String cidr, String gateway) {
        try {
            return AddressingRules.problems(Addressing.subnet(cidr, gateway), 1);
        } catch (SpecValidationException e) {
            return e.problems();
        }
    }

    static boolean isStatic(String addressing) {
        return PveHostConfig.Addressing.STATIC.name().equalsIgnoreCase(addressing == null ? "" : addressing.strip());
    }
}
