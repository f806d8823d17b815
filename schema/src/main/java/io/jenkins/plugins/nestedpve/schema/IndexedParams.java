package io.jenkins.plugins.nestedpve.schema;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * apidata collapses indexed options ({@code net0..net31}) into one {@code net[n]} entry
 * (pve-common:src/PVE/RESTHandler.pm api_clone_schema: names matching {@code ^([a-z]+)(\d+)$} when
 * both {@code name0} and {@code name1} exist), which loses the upper bound. The bounds come from
 * the constants of the Perl sources.
 */
final class IndexedParams {
    /** Number of indexed keys per base name (valid indexes are 0 .. count-1). */
    private static final Map<String, Integer> COUNTS = Map.ofEntries(
            // qemu-server:src/PVE/QemuServer.pm $MAX_NETS, $MAX_SERIAL_PORTS, $MAX_PARALLEL_PORTS
            Map.entry("net", 32),
            Map.entry("ipconfig", 32),
            Map.entry("serial", 4),
            Map.entry("parallel", 3),
            // qemu-server:src/PVE/QemuServer/Drive.pm
            Map.entry("ide", 4),
            Map.entry("sata", 6),
            Map.entry("scsi", 31),
            Map.entry("virtio", 16),
            Map.entry("unused", 256),
            // qemu-server: Memory.pm $MAX_NUMA, PCI.pm $MAX_HOSTPCI_DEVICES, USB.pm, Virtiofs.pm
            Map.entry("numa", 8),
            Map.entry("hostpci", 16),
            Map.entry("usb", 14),
            Map.entry("virtiofs", 10),
            // pve-container:src/PVE/LXC/Config.pm $MAX_MOUNT_POINTS, $MAX_DEVICES (net as qemu)
            Map.entry("mp", 256),
            Map.entry("dev", 256),
            // pve-cluster:src/PVE/Corosync.pm MAX_LINK_INDEX 7
            Map.entry("link", 8),
            // pve-manager:PVE/NodeConfig.pm $MAXDOMAINS 5 (acmedomain0..5)
            Map.entry("acmedomain", 6));

    private static final Pattern INDEXED = Pattern.compile("([a-z]+)(0|[1-9][0-9]{0,8})");
    private static final Pattern DESCRIBED_MAX = Pattern.compile("\\(n is 0 to (\\d+)");

    private IndexedParams() {}

    /** The {@code base[n]} key for an indexed name within bounds, or null. */
    static String collapsedKey(String name, Map<String, ParamSpec> declared) {
        Matcher m = INDEXED.matcher(name);
        if (!m.matches()) {
            return null;
        }
        String key = m.group(1) + "[n]";
        ParamSpec spec = declared.get(key);
        return spec != null && Integer.parseInt(m.group(2)) < spec.indexCount() ? key : null;
    }

    /** Count of indexed keys for {@code base[n]}: known constant, else "(n is 0 to N)" in the text. */
    static int count(String collapsedKey, String description) {
        String base = collapsedKey.substring(0, collapsedKey.length() - 3);
        Integer known = COUNTS.get(base);
        if (known != null) {
            return known;
        }
        Matcher m = DESCRIBED_MAX.matcher(description == null ? "" : description);
        return m.find() ? Integer.parseInt(m.group(1)) + 1 : Integer.MAX_VALUE;
    }
}
