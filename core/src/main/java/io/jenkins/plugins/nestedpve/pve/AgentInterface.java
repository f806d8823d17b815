package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One interface from the guest agent's {@code network-get-interfaces} (pve-facts §3.9). On a PVE
 * guest the address sits on the bridge {@code vmbr0}, not on the NIC.
 *
 * @param name interface name, e.g. {@code vmbr0}
 * @param mac hardware address, or {@code null} (e.g. {@code lo} may have none)
 * @param addresses its IP addresses
 */
public record AgentInterface(String name, String mac, List<IpAddress> addresses) {
    /**
     * @param type {@code ipv4} or {@code ipv6}
     * @param address the address
     * @param prefix prefix length
     */
    public record IpAddress(String type, String address, int prefix) {
        public boolean ipv4() {
            return "ipv4".equals(type);
        }
    }

    public AgentInterface {
        addresses = List.copyOf(addresses);
    }

    static AgentInterface from(JsonNode e) {
        List<IpAddress> ips = Json.elements(e.path("ip-addresses")).stream()
                .map(a -> new IpAddress(
                        Json.optString(a, "ip-address-type").orElse(""),
                        Json.optString(a, "ip-address").orElse(""),
                        Json.asInt(a, "prefix", 0)))
                .toList();
        return new AgentInterface(Json.optString(e, "name").orElse(""), Json.asString(e, "hardware-address"), ips);
    }

    /** The IPv4 addresses, e.g. {@code 10.0.0.5}. */
    public List<String> ipv4() {
        return addresses.stream()
                .filter(IpAddress::ipv4)
                .map(IpAddress::address)
                .toList();
    }
}
