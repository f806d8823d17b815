package io.jenkins.plugins.nestedpve.sim.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A qemu-server config file: current keys, the {@code [PENDING]} section and pending deletions,
 * rendered like PVE writes it (description as {@code #} lines, keys sorted) so its digest is the
 * SHA-1 of that text (qemu-server:src/PVE/QemuServer.pm write_vm_config). Not thread-safe: {@link
 * SimVm} guards it.
 */
public final class VmConfig {
    /** Keys that GET returns as JSON numbers (integers and booleans of the schema). */
    private static final Set<String> NUMERIC = Set.of(
            "cores",
            "sockets",
            "vcpus",
            "balloon",
            "kvm",
            "onboot",
            "template",
            "protection",
            "acpi",
            "tablet",
            "numa",
            "cpuunits",
            "cpulimit",
            "shares",
            "localtime",
            "freeze",
            "reboot",
            "tdf",
            "autostart",
            "migrate_downtime",
            "migrate_speed",
            "ciupgrade");

    private final TreeMap<String, String> current = new TreeMap<>();
    private final TreeMap<String, String> pending = new TreeMap<>();
    private final TreeSet<String> pendingDelete = new TreeSet<>();

    public VmConfig copy() {
        VmConfig c = new VmConfig();
        c.current.putAll(current);
        c.pending.putAll(pending);
        c.pendingDelete.addAll(pendingDelete);
        return c;
    }

    public String get(String key) {
        return current.get(key);
    }

    public boolean has(String key) {
        return current.containsKey(key);
    }

    public void set(String key, String value) {
        current.put(key, value);
    }

    public void remove(String key) {
        current.remove(key);
    }

    /** Current keys (live view, sorted). */
    public Map<String, String> current() {
        return current;
    }

    public Map<String, String> pending() {
        return pending;
    }

    public Set<String> pendingDelete() {
        return pendingDelete;
    }

    /** Queues a change for the next cold start. */
    public void setPending(String key, String value) {
        pending.put(key, value);
        pendingDelete.remove(key);
    }

    public void deletePending(String key) {
        pending.remove(key);
        pendingDelete.add(key);
    }

    /** Drops pending changes of {@code key} (revert). */
    public void revert(String key) {
        pending.remove(key);
        pendingDelete.remove(key);
    }

    public boolean hasPending() {
        return !pending.isEmpty() || !pendingDelete.isEmpty();
    }

    /** Applies pending changes, as vm_start does. */
    public void applyPending() {
        for (String k : pendingDelete) {
            current.remove(k);
        }
        current.putAll(pending);
        pending.clear();
        pendingDelete.clear();
    }

    /** The config with pending changes applied (what GET config returns). */
    public Map<String, String> effective() {
        Map<String, String> m = new TreeMap<>(current);
        for (String k : pendingDelete) {
            m.remove(k);
        }
        m.putAll(pending);
        return m;
    }

    /** The file text. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        String desc = current.get("description");
        if (desc != null) {
            for (String line : desc.split("\n", -1)) {
                sb.append('#').append(line).append('\n');
            }
        }
        current.forEach((k, v) -> {
            if (!k.equals("description")) {
                sb.append(k).append(": ").append(v).append('\n');
            }
        });
        if (hasPending()) {
            sb.append("\n[PENDING]\n");
            pending.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
            if (!pendingDelete.isEmpty()) {
                sb.append("delete: ").append(String.join(",", pendingDelete)).append('\n');
            }
        }
        return sb.toString();
    }

    /** SHA-1 hex of the file text. */
    public String digest() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(render().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value as GET returns it: numbers for integer/boolean keys, strings otherwise. */
    public static Object jsonValue(String key, String value) {
        if (NUMERIC.contains(key)) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                try {
                    return Double.parseDouble(value);
                } catch (NumberFormatException e2) {
                    return value;
                }
            }
        }
        return value;
    }

    /** The effective config as a JSON map (with {@code digest}). */
    public Map<String, Object> toJson(boolean currentOnly) {
        Map<String, Object> out = new LinkedHashMap<>();
        (currentOnly ? current : effective()).forEach((k, v) -> out.put(k, jsonValue(k, v)));
        if (out.containsKey("cipassword")) {
            out.put("cipassword", "**********");
        }
        out.put("digest", digest());
        return out;
    }
}
