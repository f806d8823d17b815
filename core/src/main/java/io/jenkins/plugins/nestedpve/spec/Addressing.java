package io.jenkins.plugins.nestedpve.spec;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How guests get their IP address: by DHCP, read back through the QEMU guest agent (the address
 * sits on {@code vmbr0} inside a PVE guest, pve-facts §3.9), or from a static pool applied with
 * cloud-init {@code ipconfig0} (the template needs a cloud-init drive; applied at start, §3.5).
 * IPv4 only.
 */
public sealed interface Addressing extends Serializable permits Addressing.Dhcp, Addressing.StaticPool {

    /** DHCP; the address is read through the guest agent (the template needs {@code qemu-guest-agent}). */
    static Addressing dhcp() {
        return new Dhcp();
    }

    /**
     * A static pool.
     *
     * @param pool entries: {@code 10.0.0.5}, {@code 10.0.0.16/28} (network and broadcast excluded)
     *     or {@code 10.0.0.10-10.0.0.20}; taken in order
     * @param prefixLength the guests' subnet prefix, e.g. 24
     * @param gateway the default gateway; never handed out
     * @param nameserver a DNS server, or null to keep the template's
     */
    static StaticPool staticPool(List<String> pool, int prefixLength, String gateway, String nameserver) {
        return new StaticPool(pool, prefixLength, gateway, nameserver);
    }

    /**
     * The whole subnet {@code cidr} ({@code 10.20.0.0/24}) as the pool, its prefix as the guests' prefix: every
     * host address but the gateway is handed out. Checked by {@link AddressingRules} like any pool.
     *
     * @throws SpecValidationException when {@code cidr} is not {@code a.b.c.d/prefix}
     */
    static StaticPool subnet(String cidr, String gateway) {
        String c = cidr == null ? "" : cidr.strip();
        if (!c.matches("[0-9.]+/[0-9]{1,2}")) {
            throw new SpecValidationException(List.of(new SpecProblem(
                    "addressing.pool", Names.show(cidr) + " is not an IPv4 subnet such as 10.20.0.0/24")));
        }
        int slash = c.indexOf('/');
        return staticPool(List.of(c), Integer.parseInt(c.substring(slash + 1)), gateway, null);
    }

    /** DHCP addressing. */
    record Dhcp() implements Addressing {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "dhcp";
        }
    }

    /** Static addressing from a pool; see {@link Addressing#staticPool}. Validated by the spec builder. */
    record StaticPool(List<String> pool, int prefixLength, String gateway, String nameserver) implements Addressing {
        private static final long serialVersionUID = 1L;

        public StaticPool {
            pool = List.copyOf(pool);
        }

        public Optional<String> nameserverIfSet() {
            return Optional.ofNullable(nameserver);
        }

        /**
         * The first {@code count} distinct addresses of the pool in order, the gateway skipped.
         *
         * @throws IllegalStateException when the pool holds fewer (the spec builder rejects that)
         */
        public List<String> addresses(int count) {
            Set<Long> exclude = Ipv4.parse(gateway).stream().boxed().collect(Collectors.toSet());
            List<String> out = Ipv4.expand(pool, count, exclude);
            if (out.size() < count) {
                throw new IllegalStateException(
                        "the address pool " + pool + " holds only " + out.size() + " addresses, " + count + " needed");
            }
            return out;
        }

        /** The cloud-init {@code ipconfig0} value for {@code address}: {@code ip=<a>/<prefix>,gw=<gateway>}. */
        public String ipconfig(String address) {
            return "ip=" + address + "/" + prefixLength + ",gw=" + gateway;
        }

        @Override
        public String toString() {
            return "static " + pool + "/" + prefixLength + " gw " + gateway
                    + (nameserver == null ? "" : " dns " + nameserver);
        }
    }
}
