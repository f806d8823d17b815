package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /nodes/{node}/qemu/{vmid}/status/current}: the authoritative state (pve-facts §3.7).
 *
 * @param vmid the VMID
 * @param status {@code running} or {@code stopped}
 * @param qmpstatus QEMU's state, e.g. {@code running}, {@code paused}, {@code prelaunch}; may be null
 * @param lock config lock, or {@code null}
 * @param name VM name, or {@code null}
 * @param template whether a template
 * @param agent whether the guest agent is enabled in the config
 * @param uptime seconds since start
 */
public record VmStatus(
        int vmid,
        String status,
        String qmpstatus,
        String lock,
        String name,
        boolean template,
        boolean agent,
        long uptime) {
    static VmStatus from(int vmid, JsonNode data) {
        return new VmStatus(
                Json.asInt(data, "vmid", vmid),
                Json.optString(data, "status").orElse("unknown"),
                Json.asString(data, "qmpstatus"),
                Json.asString(data, "lock"),
                Json.asString(data, "name"),
                Json.asBool(data, "template", false),
                Json.asBool(data, "agent", false),
                Json.asLong(data, "uptime", 0));
    }

    public boolean running() {
        return "running".equals(status);
    }

    public boolean stopped() {
        return "stopped".equals(status);
    }
}
