package io.jenkins.plugins.nestedpve.schema;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Network-related formats of pve-common:src/PVE/JSONSchema.pm (regexes from src/PVE/ParseUtils.pm). */
final class NetFormats {
    private static final String OCTET = "(?:25[0-5]|(?:2[0-4]|1[0-9]|[1-9])?[0-9])";
    static final String IPV4RE = "(?:(?:" + OCTET + "\\.){3}" + OCTET + ")";
    private static final String H16 = "(?:[0-9a-fA-F]{1,4})";
    private static final String LS32 = "(?:(?:" + IPV4RE + "|" + H16 + ":" + H16 + "))";
    static final String IPV6RE = "(?:"
            + "(?:(?:(?:" + H16 + ":){6})" + LS32 + ")|"
            + "(?:(?:::(?:" + H16 + ":){5})" + LS32 + ")|"
            + "(?:(?:(?:" + H16 + ")?::(?:" + H16 + ":){4})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,1}" + H16 + ")?::(?:" + H16 + ":){3})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,2}" + H16 + ")?::(?:" + H16 + ":){2})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,3}" + H16 + ")?::(?:" + H16 + ":){1})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,4}" + H16 + ")?::)" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,5}" + H16 + ")?::)" + H16 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,6}" + H16 + ")?::)))";

    private static final Pattern IPV4 = Rx.of("^(?:" + IPV4RE + ")$");
    private static final Pattern IPV6 = Rx.of("^(?:" + IPV6RE + ")$");
    private static final Pattern IP = Rx.of("^(?:(?:" + IPV4RE + ")|(?:" + IPV6RE + "))$");
    private static final Pattern CIDR4 = Rx.of("^(?:" + IPV4RE + ")(?:/(\\d+))$");
    private static final Pattern CIDR6 = Rx.of("^(?:" + IPV6RE + ")(?:/(\\d+))$");
    private static final Pattern MAC = Rx.of("(?i)^[a-f0-9][02468ace](?::[a-f0-9]{2}){5}$");
    private static final String LABEL = "([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?)";
    private static final Pattern DNS_NAME = Rx.of("^(" + LABEL + "\\.)*" + LABEL + "$");
    private static final Pattern IFACE = Rx.of("(?i)^[a-z][a-z0-9_]{1,20}([:\\.]\\d+)?$");
    private static final Pattern VLAN = Rx.of("^(\\d+)(?:-(\\d+))?$");
    private static final Pattern V4_KEYWORD = Rx.of("^(?:dhcp|manual)$");
    private static final Pattern V6_KEYWORD = Rx.of("^(?:auto|dhcp|manual)$");
    private static final Set<String> NETMASKS = netmasks();

    private NetFormats() {}

    static void register(Map<String, CodeFormat> f) {
        f.put("ipv4", v -> Rx.require(IPV4, v, "value does not look like a valid IPv4 address"));
        f.put("ipv6", v -> Rx.require(IPV6, v, "value does not look like a valid IPv6 address"));
        f.put("ip", v -> Rx.require(IP, v, "value does not look like a valid IP address"));
        f.put("mac-addr", v -> Rx.require(MAC, v, "value does not look like a valid unicast MAC address"));
        f.put("dns-name", v -> Rx.require(DNS_NAME, v, "value does not look like a valid DNS name"));
        f.put("ipv4mask", v -> require(NETMASKS.contains(v), "value does not look like a valid IP netmask"));
        f.put("CIDRv4", v -> require(isCidr(CIDR4, v, 32), "value does not look like a valid IPv4 CIDR network"));
        f.put("CIDRv6", v -> require(isCidr(CIDR6, v, 128), "value does not look like a valid IPv6 CIDR network"));
        f.put(
                "CIDR",
                v -> require(
                        isCidr(CIDR4, v, 32) || isCidr(CIDR6, v, 128),
                        "value does not look like a valid CIDR network"));
        f.put(
                "pve-ipv4-config",
                v -> require(
                        V4_KEYWORD.matcher(v).find() || isCidr(CIDR4, v, 32),
                        "value does not look like a valid ipv4 network configuration"));
        f.put(
                "pve-ipv6-config",
                v -> require(
                        V6_KEYWORD.matcher(v).find() || isCidr(CIDR6, v, 128),
                        "value does not look like a valid ipv6 network configuration"));
        f.put(
                "address",
                v -> require(
                        IP.matcher(v).find() || DNS_NAME.matcher(v).find(),
                        "value does not look like a valid address: " + v));
        f.put("pve-iface", v -> Rx.require(IFACE, v, "invalid network interface name '" + v + "'"));
        f.put("pve-vlan-id-or-range", NetFormats::vlanIdOrRange);
    }

    private static void require(boolean ok, String message) throws FormatException {
        if (!ok) {
            throw FormatException.die(message);
        }
    }

    // pve_verify_cidrv4/6: prefix length in (7, max]
    private static boolean isCidr(Pattern p, String v, int max) {
        Matcher m = p.matcher(v);
        if (!m.find()) {
            return false;
        }
        int bits = parseBits(m.group(1));
        return bits > 7 && bits <= max;
    }

    private static int parseBits(String digits) {
        return digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private static void vlanIdOrRange(String vlan) throws FormatException {
        Matcher m = VLAN.matcher(vlan);
        if (!m.find()) {
            throw FormatException.die("invalid VLAN configuration '" + vlan + "'");
        }
        long start = tag(m.group(1));
        String end = m.group(2);
        if (end != null && !"0".equals(end)) { // Perl: if ($end) — "0" is false
            long e = tag(end);
            if (start >= e) {
                throw FormatException.die("VLAN range must go from lower to higher tag '" + vlan + "'");
            }
        }
    }

    private static long tag(String digits) throws FormatException {
        long t = digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (t < 2 || t > 4094) {
            throw FormatException.die("invalid VLAN tag '" + digits + "'");
        }
        return t;
    }

    private static Set<String> netmasks() {
        java.util.HashSet<String> masks = new java.util.HashSet<>();
        for (int bits = 0; bits <= 32; bits++) {
            long m = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            masks.add((m >> 24) + "." + ((m >> 16) & 255) + "." + ((m >> 8) & 255) + "." + (m & 255));
        }
        return Set.copyOf(masks);
    }
}
