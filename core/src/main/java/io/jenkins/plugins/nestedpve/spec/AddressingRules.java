package io.jenkins.plugins.nestedpve.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** The rules of a static address pool: the subnet's prefix, the gateway, the pool's entries and size. */
public final class AddressingRules {
    /** The guests' subnet: room for a gateway and guests besides its network and broadcast address. */
    public static final int MIN_PREFIX = 8;

    public static final int MAX_PREFIX = 30;

    private AddressingRules() {}

    /** Every problem of {@code addressing} for {@code nodes} guests. */
    public static List<SpecProblem> problems(Addressing addressing, int nodes) {
        if (addressing == null) {
            return List.of(
                    new SpecProblem("addressing", "is required — Addressing.dhcp() or Addressing.staticPool(...)"));
        }
        return addressing instanceof Addressing.StaticPool pool ? problems(pool, nodes) : List.of();
    }

    /** The one prefix rule: {@value #MIN_PREFIX}..{@value #MAX_PREFIX}. */
    public static Optional<SpecProblem> prefixLength(int prefix) {
        return prefix >= MIN_PREFIX && prefix <= MAX_PREFIX
                ? Optional.empty()
                : SpecRules.problem(
                        "addressing.prefixLength",
                        "must be between " + MIN_PREFIX + " and " + MAX_PREFIX + ", got " + prefix
                                + " — the guests' subnet needs a gateway and addresses besides its network and"
                                + " broadcast address; e.g. 24 for the netmask 255.255.255.0");
    }

    /** One pool entry: an address, a CIDR block or a range ({@link Ipv4#bounds}). */
    public static Optional<SpecProblem> poolEntry(String entry) {
        try {
            Ipv4.bounds(entry);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return SpecRules.problem("addressing.pool", e.getMessage());
        }
    }

    private static List<SpecProblem> problems(Addressing.StaticPool pool, int nodes) {
        List<SpecProblem> out = new ArrayList<>();
        Optional<SpecProblem> prefix = prefixLength(pool.prefixLength());
        prefix.ifPresent(out::add);
        OptionalLong gateway = Ipv4.parse(pool.gateway());
        if (gateway.isEmpty()) {
            out.add(new SpecProblem(
                    "addressing.gateway",
                    Names.show(pool.gateway()) + " is not an IPv4 address — set the guests' default gateway, e.g."
                            + " 10.0.0.1"));
        } else if (prefix.isEmpty() && !Ipv4.isHost(gateway.getAsLong(), pool.prefixLength())) {
            out.add(new SpecProblem(
                    "addressing.gateway",
                    pool.gateway() + " is the network or broadcast address of its /" + pool.prefixLength()
                            + " subnet — use a host address, e.g. the subnet's first"));
        }
        if (pool.nameserver() != null && Ipv4.parse(pool.nameserver()).isEmpty()) {
            out.add(new SpecProblem(
                    "addressing.nameserver",
                    Names.show(pool.nameserver()) + " is not an IPv4 address — set a DNS"
                            + " server, or leave it unset to keep the template's"));
        }
        if (pool.pool().isEmpty()) {
            out.add(new SpecProblem(
                    "addressing.pool", "is empty — list at least " + nodes + " addresses, CIDR blocks or ranges"));
        } else if (entriesOk(pool, gateway, prefix.isEmpty(), out)) {
            List<String> got =
                    Ipv4.expand(pool.pool(), nodes, gateway.stream().boxed().collect(Collectors.toSet()));
            if (got.size() < nodes) {
                out.add(new SpecProblem(
                        "addressing.pool",
                        pool.pool() + " holds " + got.size() + " usable addresses (the gateway"
                                + " excluded) but nodes is " + nodes + " — add addresses or lower nodes"));
            }
        }
        return out;
    }

    private static boolean entriesOk(
            Addressing.StaticPool pool, OptionalLong gateway, boolean prefixOk, List<SpecProblem> out) {
        boolean ok = true;
        for (String entry : pool.pool()) {
            Optional<SpecProblem> bad = poolEntry(entry);
            if (bad.isPresent()) {
                out.add(bad.get());
                ok = false;
            } else if (gateway.isPresent()
                    && prefixOk
                    && !Ipv4.within(entry, gateway.getAsLong(), pool.prefixLength())) {
                out.add(new SpecProblem(
                        "addressing.pool",
                        Names.show(entry) + " is not within the gateway's subnet " + pool.gateway() + "/"
                                + pool.prefixLength() + " — use addresses of that subnet, or fix prefixLength or"
                                + " gateway"));
                ok = false;
            }
        }
        return ok;
    }
}
