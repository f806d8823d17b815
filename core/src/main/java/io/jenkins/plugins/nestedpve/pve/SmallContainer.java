package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.NestedPveException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small throw-away container, as the smoke check and the upgrade workload create it with
 * {@code POST /nodes/{node}/lxc}: from a template already on the node's storage, its root disk on a
 * storage for containers ({@code rootfs=<storage>:1}, as the defaults fail on a stock install,
 * pve-facts §12.1), unprivileged with {@code nesting=1}, 128 MiB.
 */
public final class SmallContainer {
    private SmallContainer() {}

    /** The template volids on the node's storages for {@code vztmpl}. */
    public static List<String> templates(PveClient client, String node) {
        List<String> out = new ArrayList<>();
        for (StorageInfo s : client.storages(node, "vztmpl")) {
            out.addAll(client.containers().templates(node, s.storage()));
        }
        return out;
    }

    /** The enabled, active storages of the node for container disks ({@code rootdir}). */
    public static List<String> rootdirStorages(PveClient client, String node) {
        return client.storages(node, "rootdir").stream()
                .filter(s -> s.enabled() && s.active())
                .map(StorageInfo::storage)
                .toList();
    }

    /**
     * The create parameters: the first template, the first {@code rootdir} storage.
     *
     * @throws NestedPveException naming the node and what to do when either list is empty
     */
    public static Map<String, Object> params(
            String node, int vmid, String hostname, List<String> templates, List<String> rootdir, boolean onboot) {
        if (templates.isEmpty()) {
            throw new NestedPveException("no container template on the storages of " + node + "; download one first,"
                    + " e.g. 'pveam update && pveam download local <template>' (pve-facts §12.5)");
        }
        if (rootdir.isEmpty()) {
            throw new NestedPveException("no storage for container disks (content rootdir) on " + node);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("vmid", vmid);
        p.put("ostemplate", templates.get(0));
        p.put("hostname", hostname);
        p.put("rootfs", rootdir.get(0) + ":1");
        p.put("memory", 128);
        p.put("unprivileged", 1);
        p.put("features", "nesting=1");
        if (onboot) {
            p.put("onboot", 1);
        }
        return p;
    }
}
