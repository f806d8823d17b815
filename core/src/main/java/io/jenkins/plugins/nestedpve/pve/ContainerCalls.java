package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LXC containers (pve-facts §12): create, power, status, delete. Unlike QEMU, a start of a running
 * container or a stop of a stopped one fails at once with 500 ({@code CT <vmid> already running} /
 * {@code CT <vmid> not running}).
 */
public final class ContainerCalls {
    private final PveClient client;
    private final PveHttp http;

    ContainerCalls(PveClient client, PveHttp http) {
        this.client = client;
        this.http = http;
    }

    /**
     * {@code POST /nodes/{node}/lxc} ({@code vzcreate}) with {@code vmid}, {@code ostemplate} and
     * further keys; pass {@code rootfs=<storage>:<GiB>}, as the defaults fail on a stock install.
     */
    public Upid create(String node, Map<String, ?> params) {
        return post("/nodes/" + PveClient.node(node) + "/lxc", params);
    }

    /** {@code POST .../status/start} ({@code vzstart}). */
    public Upid start(String node, int vmid) {
        return post(ct(node, vmid) + "/status/start", Map.of());
    }

    /** {@code POST .../status/stop} ({@code vzstop}). */
    public Upid stop(String node, int vmid) {
        return post(ct(node, vmid) + "/status/stop", Map.of());
    }

    /** {@code GET .../status/current}: {@code running}, {@code stopped}, ... */
    public String status(String node, int vmid) {
        JsonNode data = client.get(ct(node, vmid) + "/status/current", Map.of());
        return Json.optString(data, "status").orElse("unknown");
    }

    /** {@code DELETE /nodes/{node}/lxc/{vmid}} ({@code vzdestroy}); {@code force=1} also when running. */
    public Upid delete(String node, int vmid) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("force", 1);
        q.put("purge", 1);
        String path = ct(node, vmid);
        return PveClient.upid("DELETE " + path, http.call("DELETE", path, q).path("data"));
    }

    /** {@code GET /nodes/{node}/storage/{storage}/content?content=vztmpl}: the template volids there. */
    public java.util.List<String> templates(String node, String storage) {
        JsonNode data = client.get(
                "/nodes/" + PveClient.node(node) + "/storage/" + PveEncoding.pathSegment(storage) + "/content",
                Map.of("content", "vztmpl"));
        return PveClient.list(data).stream()
                .map(e -> Json.asString(e, "volid"))
                .filter(v -> v != null)
                .toList();
    }

    static String ct(String node, int vmid) {
        return "/nodes/" + PveClient.node(node) + "/lxc/" + PveFormats.vmid("VMID", vmid);
    }

    private Upid post(String path, Map<String, ?> params) {
        return PveClient.upid("POST " + path, http.call("POST", path, params).path("data"));
    }
}
