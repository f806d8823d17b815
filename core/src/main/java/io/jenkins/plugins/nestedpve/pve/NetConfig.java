package io.jenkins.plugins.nestedpve.pve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code net[n]} property string (pve-facts §3.5), e.g. {@code
 * virtio=BC:24:11:AA:BB:CC,bridge=vmbr0,tag=10,firewall=1} or {@code model=virtio,bridge=vmbr0}.
 *
 * @param model NIC model, e.g. {@code virtio}
 * @param mac MAC address, or {@code null} when not yet generated
 * @param bridge bridge, or {@code null} (user-mode NAT)
 * @param tag VLAN tag, or {@code null}
 * @param options every {@code key=value} option other than the model/MAC (includes bridge and tag)
 */
public record NetConfig(String model, String mac, String bridge, Integer tag, Map<String, String> options) {
    private static final Set<String> OPTION_KEYS =
            Set.of("bridge", "tag", "firewall", "link_down", "macaddr", "mtu", "queues", "rate", "trunks", "model");

    public NetConfig {
        options = Map.copyOf(options);
    }

    /**
     * Parses a {@code net[n]} value.
     *
     * @throws IllegalArgumentException when no model can be found
     */
    public static NetConfig parse(String value) {
        String model = null;
        String mac = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String val = eq < 0 ? null : part.substring(eq + 1).strip();
            if (key.isEmpty()) {
                continue;
            }
            if (val == null) {
                model = key; // "[model=]<model>" without a key
            } else if (key.equals("model")) {
                model = val;
            } else if (key.equals("macaddr")) {
                mac = val;
            } else if (!OPTION_KEYS.contains(key) && model == null) {
                model = key; // "<model>=<MAC>" as PVE stores it
                mac = val;
            } else {
                options.put(key, val);
            }
        }
        if (model == null) {
            throw new IllegalArgumentException("net value '" + value + "' names no NIC model");
        }
        String tag = options.get("tag");
        return new NetConfig(model, mac, options.get("bridge"), tag == null ? null : Integer.valueOf(tag), options);
    }

    /** Whether the firewall flag is set. */
    public boolean firewall() {
        return "1".equals(options.get("firewall"));
    }

    public Optional<String> macAddress() {
        return Optional.ofNullable(mac);
    }
}
