package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VM calls that change state (pve-facts §3.4-§3.12). Clone and create are the calls whose
 * ambiguous failures are answered by re-reading state, never by sending them again.
 */
final class VmCalls {
    private final PveClient client;
    private final PveHttp http;

    VmCalls(PveClient client, PveHttp http) {
        this.client = client;
        this.http = http;
    }

    Upid clone(String node, int sourceVmid, CloneRequest request) {
        String path = PveClient.vm(node, sourceVmid) + "/clone";
        try {
            return PveClient.upid(
                    "POST " + path, http.call("POST", path, request.toParams()).path("data"));
        } catch (PveAmbiguousOutcomeException e) {
            // the clone task's id is the source VMID (pve-facts §2.1); the new config sits on the source node
            throw new PveAmbiguousOutcomeException(
                    e.method(), e.path(), observe(node, request.newid(), "qmclone", sourceVmid), e.getCause());
        }
    }

    Upid create(String node, Map<String, ?> params) {
        Object vmid = params.get("vmid");
        if (vmid == null) {
            throw new IllegalArgumentException("createVm needs a 'vmid' parameter");
        }
        int id = Integer.parseInt(vmid.toString());
        String path = "/nodes/" + PveClient.node(node) + "/qemu";
        try {
            return PveClient.upid(
                    "POST " + path, http.call("POST", path, params).path("data"));
        } catch (PveAmbiguousOutcomeException e) {
            throw new PveAmbiguousOutcomeException(
                    e.method(), e.path(), observe(node, id, "qmcreate", id), e.getCause());
        }
    }

    Upid power(String node, int vmid, String action, Map<String, ?> params) {
        return post(PveClient.vm(node, vmid) + "/status/" + action, params);
    }

    Upid shutdown(String node, int vmid, Duration timeout, boolean forceStop) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (timeout != null) {
            p.put("timeout", Math.max(1, timeout.toSeconds()));
        }
        p.put("forceStop", forceStop);
        return power(node, vmid, "shutdown", p);
    }

    Upid delete(String node, int vmid, boolean purge, boolean destroyUnreferencedDisks) {
        Map<String, Object> q = new LinkedHashMap<>();
        if (purge) {
            q.put("purge", true);
        }
        if (destroyUnreferencedDisks) {
            q.put("destroy-unreferenced-disks", true);
        }
        String path = PveClient.vm(node, vmid);
        return PveClient.upid("DELETE " + path, http.call("DELETE", path, q).path("data"));
    }

    Upid template(String node, int vmid) {
        return post(PveClient.vm(node, vmid) + "/template", Map.of());
    }

    private Upid post(String path, Map<String, ?> params) {
        return PveClient.upid("POST " + path, http.call("POST", path, params).path("data"));
    }

    /**
     * Re-reads after an ambiguous clone/create: does the VM config exist (and with which lock), and
     * which tasks of the type are running for the given task id. Failures of the re-read are
     * recorded as unknown, except an interrupt.
     */
    ObservedVmState observe(String node, int vmid, String taskType, int taskVmid) {
        ObservedVmState.Presence presence;
        String lock = null;
        try {
            VmConfig config = client.vmConfig(node, vmid);
            presence = ObservedVmState.Presence.PRESENT;
            lock = config.lock().orElse(null);
        } catch (PveNotFoundException e) {
            presence = ObservedVmState.Presence.ABSENT;
        } catch (PveInterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            presence = ObservedVmState.Presence.UNKNOWN;
        }
        List<Upid> active;
        try {
            active = client.activeTasks(node, taskType, taskVmid);
        } catch (PveInterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            active = List.of();
        }
        return new ObservedVmState(vmid, presence, lock, active);
    }

    static JsonNode result(JsonNode data) {
        // agent calls wrap QGA's answer as {"result": ...} (pve-facts §3.9)
        return data.has("result") ? data.get("result") : data;
    }
}
