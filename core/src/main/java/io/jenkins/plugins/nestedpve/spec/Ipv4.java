package io.jenkins.plugins.nestedpve.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dotted-quad IPv4 parsing and pool expansion for static addressing (addresses as unsigned 32-bit longs). */
final class Ipv4 {
    private static final Pattern QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private Ipv4() {}

    static OptionalLong parse(String text) {
        Matcher m = QUAD.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return OptionalLong.empty();
            }
            value = (value << 8) | octet;
        }
        return OptionalLong.of(value);
    }

    static String format(long ip) {
        return ((ip >> 24) & 255) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
    }

    static boolean sameSubnet(long a, long b, int prefixLength) {
        return (a & mask(prefixLength)) == (b & mask(prefixLength));
    }

    /** Whether {@code ip} is neither the network nor the broadcast address of its subnet. */
    static boolean isHost(long ip, int prefixLength) {
        long host = ip & ~mask(prefixLength) & 0xFFFFFFFFL;
        return host != 0 && host != (~mask(prefixLength) & 0xFFFFFFFFL);
    }

    /** Whether every address of the pool {@code entry} lies in {@code gateway}'s subnet. */
    static boolean within(String entry, long gateway, int prefixLength) {
        long[] b = bounds(entry);
        return sameSubnet(b[0], gateway, prefixLength) && sameSubnet(b[1], gateway, prefixLength);
    }

    private static long mask(int prefixLength) {
        return prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
    }

    /**
     * The inclusive [first, last] usable addresses of one pool entry: {@code a.b.c.d}, {@code
     * a.b.c.d/n} (network and broadcast excluded up to /30) or {@code a.b.c.d-e.f.g.h}.
     *
     * @throws IllegalArgumentException saying what is wrong with the entry
     */
    static long[] bounds(String entry) {
        String e = entry == null ? "" : entry.strip();
        int slash = e.indexOf('/');
        int dash = e.indexOf('-');
        if (slash >= 0) {
            long base = require(e.substring(0, slash), entry);
            int prefix = prefix(e.substring(slash + 1), entry);
            long size = 1L << (32 - prefix);
            long network = base & ~(size - 1) & 0xFFFFFFFFL;
            return size <= 2 ? new long[] {network, network + size - 1} : new long[] {network + 1, network + size - 2};
        }
        if (dash >= 0) {
            long first = require(e.substring(0, dash), entry);
            long last = require(e.substring(dash + 1), entry);
            if (last < first) {
                throw new IllegalArgumentException("'" + entry + "' ends before it starts");
            }
            return new long[] {first, last};
        }
        long single = require(e, entry);
        return new long[] {single, single};
    }

    /** The first {@code count} distinct addresses of {@code entries}, skipping {@code exclude}; fewer if the pool is smaller. */
    static List<String> expand(List<String> entries, int count, Set<Long> exclude) {
        Set<Long> picked = new LinkedHashSet<>();
        for (String entry : entries) {
            long[] b = bounds(entry);
            for (long ip = b[0]; ip <= b[1] && picked.size() < count; ip++) {
                if (!exclude.contains(ip)) {
                    picked.add(ip);
                }
            }
        }
        List<String> out = new ArrayList<>();
        picked.forEach(ip -> out.add(format(ip)));
        return out;
    }

    private static long require(String text, String entry) {
        return parse(text)
                .orElseThrow(() -> new IllegalArgumentException("'" + entry
                        + "' is not an IPv4 address, CIDR block (10.0.0.16/28) or range (10.0.0.10-10.0.0.20)"));
    }

    private static int prefix(String text, String entry) {
        if (!text.matches("\\d{1,2}") || Integer.parseInt(text) > 32) {
            throw new IllegalArgumentException("'" + entry + "' has an invalid prefix length (0..32)");
        }
        return Integer.parseInt(text);
    }
}
