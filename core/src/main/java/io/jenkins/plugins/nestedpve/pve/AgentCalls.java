package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** QEMU guest agent calls (pve-facts §3.9); all synchronous. */
final class AgentCalls {
    private final PveClient client;
    private final PveHttp http;

    AgentCalls(PveClient client, PveHttp http) {
        this.client = client;
        this.http = http;
    }

    boolean ping(String node, int vmid) {
        try {
            http.call("POST", PveClient.vm(node, vmid) + "/agent/ping", Map.of());
            return true;
        } catch (PveApiException e) {
            String m = e.pveMessage();
            // the agent is configured but not (yet) answering: normal while the guest boots
            if (m.contains("QEMU guest agent is not running") || m.contains("got timeout")) {
                return false;
            }
            throw e;
        }
    }

    List<AgentInterface> networkInterfaces(String node, int vmid) {
        JsonNode data = client.get(PveClient.vm(node, vmid) + "/agent/network-get-interfaces", Map.of());
        return PveClient.list(VmCalls.result(data)).stream()
                .map(AgentInterface::from)
                .toList();
    }

    int exec(String node, int vmid, List<String> command, String inputData) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("agent exec needs a command");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", List.copyOf(command));
        if (inputData != null) {
            p.put("input-data", inputData);
        }
        String path = PveClient.vm(node, vmid) + "/agent/exec";
        JsonNode data = VmCalls.result(http.call("POST", path, p).path("data"));
        return Json.asInt(data, "pid", -1);
    }

    AgentExecStatus execStatus(String node, int vmid, int pid) {
        JsonNode data = client.get(PveClient.vm(node, vmid) + "/agent/exec-status", Map.of("pid", pid));
        return AgentExecStatus.from(VmCalls.result(data));
    }

    String fileRead(String node, int vmid, String file) {
        JsonNode data = client.get(PveClient.vm(node, vmid) + "/agent/file-read", Map.of("file", file));
        // not wrapped in "result": PVE builds this answer itself from guest-file-open/-read/-close
        return Json.optString(data, "content").orElse("");
    }
}
