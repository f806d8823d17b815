package io.jenkins.plugins.nestedpve.sim.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PVE task id: {@code UPID:<node>:<pid 8hex>:<pstart 8hex>:<starttime 8hex>:<type>:<id>:<user>:}
 * (pve-common:src/PVE/UPID.pm encode/decode; pve-facts §2.2). Hex is written in upper case and
 * parsed in either case.
 */
public record Upid(String node, long pid, long pstart, long starttime, String type, String id, String user) {
    private static final Pattern FORMAT = Pattern.compile(
            "UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):"
                    + "([^:\\s/]+):([^:\\s/]*):([^:\\s]+):");

    /** Parses a UPID; empty when it is not one ({@code unable to parse worker upid}). */
    public static Optional<Upid> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Upid(
                m.group(1),
                Long.parseLong(m.group(3), 16),
                Long.parseLong(m.group(4), 16),
                Long.parseLong(m.group(5), 16),
                m.group(6),
                m.group(7),
                m.group(8)));
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "UPID:%s:%08X:%08X:%08X:%s:%s:%s:", node, pid, pstart, starttime, type, id, user);
    }

    /** The log file path as PVE lays it out: {@code /var/log/pve/tasks/<last hex of starttime>/<UPID>}. */
    public String logPath() {
        String hex = String.format(Locale.ROOT, "%08X", starttime);
        return "/var/log/pve/tasks/" + hex.charAt(hex.length() - 1) + "/" + this;
    }
}
