package io.jenkins.plugins.nestedpve.spec.file;

import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.spec.AddressingRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code addressing}: {@code dhcp} (the default; addresses read through the guest agent) or a
 * static pool applied with cloud-init. Each pool entry is checked ({@link AddressingRules#poolEntry}) here so that
 * a bad one is named by its index, {@code addressing.pool[2]}.
 */
final class AddressingReader {
    static final Set<String> KEYS = Set.of("mode", "pool", "prefixLength", "gateway", "nameserver");

    private AddressingReader() {}

    /** The addressing, or empty to keep the default (DHCP). */
    static Optional<Addressing> read(YamlSection root) {
        Object raw = root.raw("addressing");
        if (raw == null) {
            return Optional.empty();
        }
        if (raw instanceof String s) {
            if (s.strip().equalsIgnoreCase("dhcp")) {
                return Optional.of(Addressing.dhcp());
            }
            root.problems()
                    .add(
                            "addressing",
                            "'" + s + "' is not an addressing mode — write 'dhcp', or a"
                                    + " mapping with mode: static, pool, prefixLength and gateway");
            return Optional.empty();
        }
        return root.section("addressing").flatMap(AddressingReader::mapping);
    }

    private static Optional<Addressing> mapping(YamlSection a) {
        a.rejectUnknown(KEYS, Map.of());
        String mode = a.string("mode").orElse(a.has("pool") ? "static" : "dhcp");
        if (mode.equalsIgnoreCase("dhcp")) {
            if (a.has("pool")) {
                a.problems().add(a.path("pool"), "a pool needs mode: static (mode is dhcp)");
            }
            return Optional.of(Addressing.dhcp());
        }
        if (!mode.equalsIgnoreCase("static")) {
            a.problems().add(a.path("mode"), "'" + mode + "' is not an addressing mode — use dhcp or static");
            return Optional.empty();
        }
        List<String> pool = a.strings("pool").orElse(List.of());
        if (!a.has("pool")) {
            a.problems()
                    .add(
                            a.path("pool"),
                            "is required with mode: static — list addresses (10.0.0.5), CIDR"
                                    + " blocks (10.0.0.16/28) or ranges (10.0.0.10-10.0.0.20)");
        }
        for (int i = 0; i < pool.size(); i++) {
            String field = a.path("pool") + "[" + i + "]";
            Optional.ofNullable(pool.get(i))
                    .flatMap(AddressingRules::poolEntry)
                    .ifPresent(p -> a.problems().add(field, p.message()));
        }
        if (!a.has("gateway")) {
            a.problems().add(a.path("gateway"), "is required with mode: static — the guests' default gateway");
        }
        Optional<Integer> prefix = a.integer("prefixLength");
        if (!a.has("prefixLength")) {
            a.problems().add(a.path("prefixLength"), "is required with mode: static — e.g. 24 for 255.255.255.0");
        }
        return Optional.of(Addressing.staticPool(
                pool.stream().filter(Objects::nonNull).toList(),
                prefix.orElse(24),
                a.string("gateway").orElse(null),
                a.string("nameserver").orElse(null)));
    }
}
