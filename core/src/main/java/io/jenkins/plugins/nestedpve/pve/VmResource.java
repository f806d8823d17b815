package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/**
 * A VM as listed by {@code GET /cluster/resources?type=vm} or {@code GET /nodes/{node}/qemu}
 * (pve-facts §3.3). Name and status lag (a fresh clone shows {@code unknown} and no name); {@code
 * lock} and {@code tags} are current. Use {@code status/current} for authoritative state.
 *
 * @param vmid the VMID
 * @param node the node it lives on
 * @param type {@code qemu} or {@code lxc}
 * @param name name, or {@code null} when not known yet
 * @param status {@code running}, {@code stopped}, ..., or {@code unknown}
 * @param template whether a template
 * @param lock config lock, e.g. {@code clone}, or {@code null}
 * @param tags tags, in PVE's order
 * @param maxmem memory in bytes (0 when unknown)
 */
public record VmResource(
        int vmid,
        String node,
        String type,
        String name,
        String status,
        boolean template,
        String lock,
        List<String> tags,
        long maxmem) {
    public VmResource {
        tags = List.copyOf(tags);
    }

    static VmResource from(JsonNode e, String nodeIfAbsent) {
        return new VmResource(
                Json.asInt(e, "vmid", 0),
                Json.optString(e, "node").orElse(nodeIfAbsent),
                Json.optString(e, "type").orElse("qemu"),
                Json.asString(e, "name"),
                Json.optString(e, "status").orElse("unknown"),
                Json.asBool(e, "template", false),
                Json.asString(e, "lock"),
                splitTags(Json.asString(e, "tags")),
                Json.asLong(e, "maxmem", 0));
    }

    /** Splits PVE's tag list (stored with {@code ;}; input also {@code ,} or whitespace). */
    static List<String> splitTags(String tags) {
        if (tags == null) {
            return List.of();
        }
        return Arrays.stream(tags.split("[;,\\s]+")).filter(t -> !t.isEmpty()).toList();
    }

    public boolean isQemu() {
        return "qemu".equals(type);
    }

    public boolean hasTag(String tag) {
        return tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag));
    }
}
