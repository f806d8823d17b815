package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@link MachineFiles#IP_ADDR}: {@code IFNAME ADDR/PREFIX [MAC]} lines and {@code default via GW dev IF}. */
final class IpConfig {
    record Address(String ifname, String ip, int prefix, String mac) {
        String cidr() {
            return ip + "/" + prefix;
        }

        String broadcast() {
            long addr = toLong(ip);
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            return fromLong((addr & mask) | (~mask & 0xFFFFFFFFL));
        }

        String network() {
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            return fromLong(toLong(ip) & mask) + "/" + prefix;
        }
    }

    record Gateway(String via, String dev) {}

    private IpConfig() {}

    /** All addresses, loopback first. */
    static List<Address> read(VirtualFs fs) {
        List<Address> list = new ArrayList<>();
        list.add(new Address("lo", "127.0.0.1", 8, "00:00:00:00:00:00"));
        for (String line : lines(fs)) {
            String[] p = line.split("\\s+");
            if (p[0].equals("default") || p.length < 2 || !p[1].contains("/") || p[0].equals("lo")) {
                continue;
            }
            String[] cidr = p[1].split("/");
            list.add(new Address(p[0], cidr[0], Integer.parseInt(cidr[1]), p.length > 2 ? p[2] : "bc:24:11:00:00:00"));
        }
        return list;
    }

    static Optional<Gateway> gateway(VirtualFs fs) {
        for (String line : lines(fs)) {
            String[] p = line.split("\\s+");
            if (p[0].equals("default") && p.length >= 5) {
                return Optional.of(new Gateway(p[2], p[4]));
            }
        }
        return Optional.empty();
    }

    private static List<String> lines(VirtualFs fs) {
        return fs.read(MachineFiles.IP_ADDR)
                .orElse("")
                .lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    static long toLong(String ip) {
        long v = 0;
        for (String part : ip.split("\\.")) {
            v = (v << 8) | Integer.parseInt(part);
        }
        return v;
    }

    static String fromLong(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
