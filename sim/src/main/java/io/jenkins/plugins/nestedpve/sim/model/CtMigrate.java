package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /nodes/{node}/lxc/{vmid}/migrate} (pve-facts §12.3; pve-container:src/PVE/LXC/Migrate.pm):
 * no live migration; a running container needs {@code restart=1}: it is shut down, its volumes copied,
 * its config moved and it is started on the target, so its downtime covers all three. {@code online=1}
 * fails in the task. The {@code GET} precondition exists on 9.x only.
 */
public final class CtMigrate {
    private final PveMachine node;
    private final CtService cts;
    private final Migration mig;

    public CtMigrate(PveMachine node) {
        this.node = node;
        this.cts = new CtService(node);
        this.mig = new Migration(node);
    }

    /** Returns the vzmigrate UPID. */
    public String migrate(int vmid, Map<String, String> p, Principal who) {
        new Perms(node.pmxcfs().users()).require(who, "/vms/" + vmid, "VM.Migrate");
        String target = p.get("target");
        mig.checkTarget(target);
        SimVm ct = cts.require(vmid);
        boolean online = "1".equals(p.get("online"));
        boolean restart = "1".equals(p.get("restart"));
        if (ct.running() && !online && !restart) {
            throw ApiException.die("can't migrate running container without --online or --restart");
        }
        return node.vms()
                .task(
                        "vzmigrate",
                        vmid,
                        who,
                        t -> node.vms()
                                .locked(
                                        Migration.lockFile(vmid),
                                        false,
                                        node.env().latency().of(Step.LOCK_WAIT_DEFAULT),
                                        () -> run(t, ct, target, online)));
    }

    private CompletableFuture<Void> run(SimTask t, SimVm ct, String target, boolean online) {
        Instant started = node.env().clock().instant();
        int vmid = ct.vmid();
        mig.log(t, "starting migration of CT " + vmid + " to node '" + target + "' (" + mig.address(target) + ")");
        if (mig.reachable(target).isEmpty()) {
            throw mig.abort(t, started, Migration.NO_SSH);
        }
        if (ct.lock() != null) {
            throw mig.abort(t, started, "CT is locked (" + ct.lock() + ")");
        }
        boolean running = ct.running();
        if (running && online) {
            throw mig.abort(t, started, "lxc live migration is currently not implemented");
        }
        for (Map.Entry<String, String> e : ct.currentConfig().entrySet()) {
            if (e.getKey().matches("mp\\d+") && e.getValue().startsWith("/")) {
                throw mig.abort(t, started, "cannot migrate local bind mount point '" + e.getKey() + "'");
            }
        }
        ct.withConfig(c -> {
            c.set("lock", "migrate");
            return null;
        });
        CompletableFuture<Void> down = CompletableFuture.completedFuture(null);
        if (running) {
            mig.log(t, "shutdown CT " + vmid);
            down = node.env().after(Step.CT_POWER).thenRun(ct::markStopped);
        }
        String volid = ConfigValues.volid(ct.get("rootfs"));
        return down.thenRun(() -> mig.log(t, "found local volume '" + volid + "' (in current VM config)"))
                .thenCompose(v -> node.env().after(Step.MIGRATE))
                .thenRun(() -> {
                    mig.log(t, "volume '" + volid + "' is '" + volid + "' on the target");
                    ct.moveTo(target);
                    mig.log(t, "start final cleanup");
                    ct.withConfig(c -> {
                        c.remove("lock");
                        return null;
                    });
                })
                .thenCompose(v -> running ? restartOnTarget(t, ct) : CompletableFuture.completedFuture(null))
                .thenRun(
                        () -> mig.log(t, "migration finished successfully (duration " + mig.realisticDuration() + ")"));
    }

    private CompletableFuture<Void> restartOnTarget(SimTask t, SimVm ct) {
        mig.log(t, "start container on target node");
        return node.env()
                .after(Step.CT_POWER)
                .thenRun(() -> ct.markStarted(node.env().clock().instant()));
    }

    /** {@code GET .../migrate} (9.x only): {@code allowed-nodes}, {@code not-allowed-nodes}, offline members included. */
    public Map<String, Object> precondition(int vmid, Principal who) {
        new Perms(node.pmxcfs().users()).require(who, "/vms/" + vmid, "VM.Migrate");
        node.cluster().checkQuorum();
        SimVm ct = cts.require(vmid);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("running", ct.running() ? 1 : 0);
        List<String> allowed = new ArrayList<>();
        node.pmxcfs()
                .corosync()
                .ifPresent(c -> c.members().stream()
                        .map(Corosync.Member::name)
                        .filter(n -> !n.equals(node.nodeName()))
                        .forEach(allowed::add));
        out.put("allowed-nodes", allowed);
        out.put("not-allowed-nodes", Map.of());
        return out;
    }
}
