package io.jenkins.plugins.nestedpve.plugin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 network in CIDR notation, e.g. {@code 10.20.0.0/24}: the pool static guest addresses come from.
 *
 * @param address the address as written (host bits may be set)
 * @param prefix the prefix length, 8..30
 */
public record Ipv4Cidr(int address, int prefix) {
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    public Ipv4Cidr {
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("prefix /" + prefix + " is outside /8../30");
        }
    }

    /** Parses {@code a.b.c.d/p}; empty when the text is not that. */
    public static Optional<Ipv4Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || !parts[1].matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(parts[1]);
        return parseAddress(parts[0]).filter(a -> prefix >= 8 && prefix <= 30).map(a -> new Ipv4Cidr(a, prefix));
    }

    /** Parses a dotted IPv4 address into its 32 bits. */
    public static Optional<Integer> parseAddress(String text) {
        Matcher m = DOTTED.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int bits = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            bits = (bits << 8) | octet;
        }
        return Optional.of(bits);
    }

    private int mask() {
        return -1 << (32 - prefix);
    }

    /** The network address (host bits cleared). */
    public int network() {
        return address & mask();
    }

    /** The broadcast address (host bits set). */
    public int broadcast() {
        return network() | ~mask();
    }

    /** Whether {@code ip} is a usable host address of this network (neither network nor broadcast address). */
    public boolean containsHost(int ip) {
        return (ip & mask()) == network() && ip != network() && ip != broadcast();
    }

    /** How many usable host addresses the network has. */
    public long hostCount() {
        return (1L << (32 - prefix)) - 2;
    }

    static String dotted(int bits) {
        return ((bits >>> 24) & 255) + "." + ((bits >>> 16) & 255) + "." + ((bits >>> 8) & 255) + "." + (bits & 255);
    }

    @Override
    public String toString() {
        return dotted(network()) + "/" + prefix;
    }
}
