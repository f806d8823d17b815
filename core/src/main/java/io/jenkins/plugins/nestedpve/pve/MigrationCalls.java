package io.jenkins.plugins.nestedpve.pve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moving guests between the nodes of a cluster (pve-facts §11, §12.3). Both calls are {@code
 * proxyto node}: send them to any member, naming the node that holds the guest now; the task runs
 * on that source node (poll it there). A task's exit status never holds the cause ({@code migration
 * aborted} / {@code migration problems}); the cause is in its {@code ERROR:} log lines.
 */
public final class MigrationCalls {
    private final PveHttp http;

    MigrationCalls(PveHttp http) {
        this.http = http;
    }

    /**
     * {@code POST /nodes/{node}/qemu/{vmid}/migrate} ({@code qmigrate}): {@code online=1} (a stopped
     * VM is migrated offline, not refused) and {@code with-local-disks=1} (needed to live-migrate
     * local disks; offline migration copies them anyway).
     */
    public Upid migrateVm(String node, int vmid, String target) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("target", PveClient.node(target));
        p.put("online", 1);
        p.put("with-local-disks", 1);
        return post(PveClient.vm(node, vmid) + "/migrate", p);
    }

    /**
     * {@code POST /nodes/{node}/lxc/{vmid}/migrate} ({@code vzmigrate}). There is no live migration:
     * a running container is moved with {@code restart=1} (shut down, moved, started on the target);
     * a stopped one without flags.
     */
    public Upid migrateContainer(String node, int vmid, String target, boolean running) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("target", PveClient.node(target));
        if (running) {
            p.put("restart", 1);
        }
        return post(ContainerCalls.ct(node, vmid) + "/migrate", p);
    }

    private Upid post(String path, Map<String, ?> params) {
        return PveClient.upid("POST " + path, http.call("POST", path, params).path("data"));
    }
}
