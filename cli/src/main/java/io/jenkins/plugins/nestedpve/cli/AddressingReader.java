package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.Addressing;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code addressing}: {@code dhcp} (the default; addresses read through the guest agent) or a
 * static pool applied with cloud-init. Each pool entry is checked here so that a bad one is named by
 * its index, {@code addressing.pool[2]}.
 */
final class AddressingReader {
    static final Set<String> KEYS = Set.of("mode", "pool", "prefixLength", "gateway", "nameserver");

    private static final String IP = "([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})";
    private static final Pattern SINGLE = Pattern.compile(IP);
    private static final Pattern CIDR = Pattern.compile(IP + "/([0-9]{1,2})");
    private static final Pattern RANGE =
            Pattern.compile("(" + IP.replace("(", "(?:") + ")\\s*-\\s*(" + IP.replace("(", "(?:") + ")");

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
                    .flatMap(AddressingReader::entryProblem)
                    .ifPresent(p -> a.problems().add(field, p));
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

    /** What is wrong with one pool entry, if anything. */
    static Optional<String> entryProblem(String entry) {
        String e = entry.strip();
        Matcher m;
        if ((m = SINGLE.matcher(e)).matches()) {
            return octets(e, m, 1);
        }
        if ((m = CIDR.matcher(e)).matches()) {
            Optional<String> bad = octets(e, m, 1);
            int prefix = Integer.parseInt(m.group(5));
            if (bad.isEmpty() && (prefix < 1 || prefix > 32)) {
                return Optional.of("'" + e + "': the prefix must be 1..32");
            }
            return bad;
        }
        if ((m = RANGE.matcher(e)).matches()) {
            String first = m.group(1);
            String last = m.group(2);
            Optional<String> bad = entryProblem(first).or(() -> entryProblem(last));
            if (bad.isEmpty() && value(first) > value(last)) {
                return Optional.of("'" + e + "': the range ends before it starts — write low-high");
            }
            return bad.map(b -> "'" + e + "': " + b);
        }
        return Optional.of("'" + e + "' is not an IPv4 address, CIDR block or range — e.g. 10.0.0.5,"
                + " 10.0.0.16/28 or 10.0.0.10-10.0.0.20");
    }

    private static Optional<String> octets(String e, Matcher m, int first) {
        for (int g = first; g < first + 4; g++) {
            if (Integer.parseInt(m.group(g)) > 255) {
                return Optional.of("'" + e + "' is not an IPv4 address (each part is 0..255)");
            }
        }
        return Optional.empty();
    }

    private static long value(String ip) {
        long v = 0;
        for (String part : ip.strip().split("\\.")) {
            v = v * 256 + Integer.parseInt(part);
        }
        return v;
    }
}
