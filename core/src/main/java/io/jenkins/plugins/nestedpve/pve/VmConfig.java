package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /nodes/{node}/qemu/{vmid}/config}: every key as text, plus typed getters for what the
 * tool reads (pve-facts §3.5). Pending changes are included, as PVE returns them.
 *
 * @param raw key to value, numbers and booleans as their text ({@code 1}/{@code 0})
 */
public record VmConfig(Map<String, String> raw) {
    private static final Pattern NET_KEY = Pattern.compile("net(\\d+)");
    private static final Pattern MEMORY = Pattern.compile("(?:current=)?(\\d+)");

    public VmConfig {
        raw = Map.copyOf(raw);
    }

    static VmConfig from(JsonNode data) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : data.properties()) {
            JsonNode v = e.getValue();
            if (v.isValueNode() && !v.isNull()) {
                m.put(e.getKey(), v.isBoolean() ? (v.asBoolean() ? "1" : "0") : v.asText());
            }
        }
        return new VmConfig(m);
    }

    /** The value of any key, e.g. {@code scsi0}. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(raw.get(key));
    }

    public Optional<String> name() {
        return get("name");
    }

    public Optional<String> description() {
        return get("description");
    }

    /** Tags in PVE's stored order. */
    public List<String> tags() {
        return VmResource.splitTags(raw.get("tags"));
    }

    public boolean template() {
        return "1".equals(raw.get("template"));
    }

    /** The config lock, e.g. {@code clone}. */
    public Optional<String> lock() {
        return get("lock");
    }

    /** SHA-1 of the config file, for optimistic concurrency ({@code digest} parameter). */
    public Optional<String> digest() {
        return get("digest");
    }

    /** Memory in MiB ({@code 4096} or {@code current=4096}); empty when unset (PVE default 512). */
    public OptionalLong memoryMiB() {
        String v = raw.get("memory");
        if (v == null) {
            return OptionalLong.empty();
        }
        Matcher m = MEMORY.matcher(v.split(",")[0].strip());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** Cores per socket; empty when unset (PVE default 1). */
    public OptionalInt cores() {
        String v = raw.get("cores");
        return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v.strip()));
    }

    /** The CPU type string, e.g. {@code host} or {@code x86-64-v2-AES,flags=+aes}. */
    public Optional<String> cpu() {
        return get("cpu");
    }

    /** The CPU model part of {@code cpu} ({@code [cputype=]<model>}). */
    public Optional<String> cpuType() {
        return cpu().map(c -> c.split(",")[0]).map(c -> c.startsWith("cputype=") ? c.substring(8) : c);
    }

    /** Whether the guest agent is enabled ({@code agent: 1} or {@code agent: enabled=1,...}). */
    public boolean agentEnabled() {
        String v = raw.get("agent");
        if (v == null) {
            return false;
        }
        String first = v.split(",")[0].strip();
        return first.equals("1") || first.equals("enabled=1");
    }

    /** The cloud-init {@code ipconfig[n]} value. */
    public Optional<String> ipconfig(int n) {
        return get("ipconfig" + n);
    }

    /** The parsed {@code net[n]}. */
    public Optional<NetConfig> net(int n) {
        return get("net" + n).map(NetConfig::parse);
    }

    /** Every {@code net[n]}, by n. */
    public Map<Integer, NetConfig> nets() {
        Map<Integer, NetConfig> out = new TreeMap<>();
        raw.forEach((k, v) -> {
            Matcher m = NET_KEY.matcher(k);
            if (m.matches()) {
                out.put(Integer.parseInt(m.group(1)), NetConfig.parse(v));
            }
        });
        return out;
    }
}
