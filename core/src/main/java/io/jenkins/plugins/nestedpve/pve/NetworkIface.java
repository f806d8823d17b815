package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of {@code GET /nodes/{node}/network}.
 *
 * @param iface interface name, e.g. {@code vmbr0}
 * @param type e.g. {@code bridge}, {@code eth}, {@code bond}, {@code vlan}
 * @param active whether up
 * @param autostart whether brought up at boot
 * @param cidr IPv4 address with prefix, or {@code null}
 * @param address IPv4 address, or {@code null}
 * @param bridgePorts member ports of a bridge, or {@code null}
 * @param vlanAware whether a bridge is VLAN aware
 */
public record NetworkIface(
        String iface,
        String type,
        boolean active,
        boolean autostart,
        String cidr,
        String address,
        String bridgePorts,
        boolean vlanAware) {
    static NetworkIface from(JsonNode e) {
        return new NetworkIface(
                Json.asString(e, "iface"),
                Json.optString(e, "type").orElse(""),
                Json.asBool(e, "active", false),
                Json.asBool(e, "autostart", false),
                Json.asString(e, "cidr"),
                Json.asString(e, "address"),
                Json.asString(e, "bridge_ports"),
                Json.asBool(e, "bridge_vlan_aware", false));
    }

    public boolean isBridge() {
        return "bridge".equals(type) || "OVSBridge".equals(type);
    }
}
