package io.jenkins.plugins.nestedpve.plugin;

import java.util.Optional;

/** Checks of the static address pool, which matter only when the host's addressing is {@code STATIC}. */
public final class AddressingChecks {
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
        Optional<Ipv4Cidr> pool = Ipv4Cidr.parse(cidr);
        if (pool.isEmpty()) {
            return Validation.error("Expected an IPv4 network like 10.20.0.0/24 (prefix /8 to /30).");
        }
        return pool.get().network() == pool.get().address()
                ? Validation.ok(pool.get().hostCount() + " usable addresses.")
                : Validation.warning("Host bits are set; the network is " + pool.get() + ".");
    }

    /** The default gateway of the guests: a host address inside the pool. */
    public static Validation gateway(String addressing, String cidr, String gateway) {
        if (!isStatic(addressing)) {
            return Validation.ok();
        }
        if (HostChecks.blank(gateway)) {
            return Validation.error("Static addressing needs the guests' default gateway, e.g. 10.20.0.1.");
        }
        Optional<Integer> gw = Ipv4Cidr.parseAddress(gateway);
        if (gw.isEmpty()) {
            return Validation.error("Expected an IPv4 address like 10.20.0.1.");
        }
        Optional<Ipv4Cidr> pool = Ipv4Cidr.parse(cidr);
        if (pool.isPresent() && !pool.get().containsHost(gw.get())) {
            return Validation.error("The gateway must be a host address inside the pool " + pool.get() + ".");
        }
        return Validation.ok();
    }

    static boolean isStatic(String addressing) {
        return PveHostConfig.Addressing.STATIC.name().equalsIgnoreCase(addressing == null ? "" : addressing.strip());
    }
}
