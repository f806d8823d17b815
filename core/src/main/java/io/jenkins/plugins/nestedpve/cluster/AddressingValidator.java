package io.jenkins.plugins.nestedpve.cluster;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** The static-pool rules of a spec. */
final class AddressingValidator {
    private final List<SpecProblem> problems;

    AddressingValidator(List<SpecProblem> problems) {
        this.problems = problems;
    }

    void validate(Addressing addressing, int nodes) {
        if (addressing == null) {
            problems.add(
                    new SpecProblem("addressing", "is required — Addressing.dhcp() or Addressing.staticPool(...)"));
            return;
        }
        if (addressing instanceof Addressing.StaticPool pool) {
            validate(pool, nodes);
        }
    }

    private void validate(Addressing.StaticPool pool, int nodes) {
        boolean prefixOk = pool.prefixLength() >= 1 && pool.prefixLength() <= 32;
        if (!prefixOk) {
            problem(
                    "addressing.prefixLength",
                    "must be between 1 and 32, got " + pool.prefixLength()
                            + " — e.g. 24 for the netmask 255.255.255.0");
        }
        OptionalLong gateway = Ipv4.parse(pool.gateway());
        if (gateway.isEmpty()) {
            problem(
                    "addressing.gateway",
                    Names.show(pool.gateway()) + " is not an IPv4 address — set the guests'"
                            + " default gateway, e.g. 10.0.0.1");
        }
        if (pool.nameserver() != null && Ipv4.parse(pool.nameserver()).isEmpty()) {
            problem(
                    "addressing.nameserver",
                    Names.show(pool.nameserver()) + " is not an IPv4 address — set a DNS"
                            + " server, or leave it unset to keep the template's");
        }
        if (pool.pool().isEmpty()) {
            problem("addressing.pool", "is empty — list at least " + nodes + " addresses, CIDR blocks or ranges");
            return;
        }
        if (entriesOk(pool, gateway, prefixOk)) {
            List<String> got =
                    Ipv4.expand(pool.pool(), nodes, gateway.stream().boxed().collect(Collectors.toSet()));
            if (got.size() < nodes) {
                problem(
                        "addressing.pool",
                        pool.pool() + " holds " + got.size() + " usable addresses (the gateway"
                                + " excluded) but nodes is " + nodes + " — add addresses or lower nodes");
            }
        }
    }

    private boolean entriesOk(Addressing.StaticPool pool, OptionalLong gateway, boolean prefixOk) {
        boolean ok = true;
        for (String entry : pool.pool()) {
            long[] bounds;
            try {
                bounds = Ipv4.bounds(entry);
            } catch (IllegalArgumentException e) {
                problem("addressing.pool", e.getMessage());
                ok = false;
                continue;
            }
            if (gateway.isPresent()
                    && prefixOk
                    && !(Ipv4.sameSubnet(bounds[0], gateway.getAsLong(), pool.prefixLength())
                            && Ipv4.sameSubnet(bounds[1], gateway.getAsLong(), pool.prefixLength()))) {
                problem(
                        "addressing.pool",
                        Names.show(entry) + " is not within the gateway's subnet " + pool.gateway() + "/"
                                + pool.prefixLength() + " — use addresses of that subnet, or fix prefixLength or"
                                + " gateway");
                ok = false;
            }
        }
        return ok;
    }

    private void problem(String field, String message) {
        problems.add(new SpecProblem(field, message));
    }
}
