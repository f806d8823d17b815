package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /access/permissions}: the caller's effective privileges, a map of ACL path to
 * privilege to "propagates to sub-paths".
 *
 * @param byPath path (e.g. {@code /vms}) to privilege (e.g. {@code VM.Allocate}) to propagate flag
 */
public record Permissions(Map<String, Map<String, Boolean>> byPath) {
    public Permissions {
        Map<String, Map<String, Boolean>> copy = new LinkedHashMap<>();
        byPath.forEach((p, privs) -> copy.put(p, Map.copyOf(privs)));
        byPath = Map.copyOf(copy);
    }

    static Permissions from(JsonNode data) {
        Map<String, Map<String, Boolean>> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : data.properties()) {
            Map<String, Boolean> privs = new LinkedHashMap<>();
            path.getValue().properties().forEach(p -> privs.put(p.getKey(), Json.asBool(p.getValue())));
            m.put(path.getKey(), privs);
        }
        return new Permissions(m);
    }

    /**
     * Whether {@code priv} holds on {@code path}, with PVE's inheritance simplified to what this
     * answer shows: granted on the path itself, or on a parent path with the propagate flag set
     * ({@code /vms/100} inherits from {@code /vms} and {@code /}).
     */
    public boolean has(String path, String priv) {
        Map<String, Boolean> own = byPath.get(path);
        if (own != null && own.containsKey(priv)) {
            return true;
        }
        for (String parent = parent(path); parent != null; parent = parent(parent)) {
            Map<String, Boolean> privs = byPath.get(parent);
            if (privs != null && Boolean.TRUE.equals(privs.get(priv))) {
                return true;
            }
        }
        return false;
    }

    /** The privileges listed for exactly {@code path}. */
    public Set<String> on(String path) {
        return byPath.getOrDefault(path, Map.of()).keySet();
    }

    private static String parent(String path) {
        if (path.equals("/") || path.isEmpty()) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
