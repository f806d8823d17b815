package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.ApiRequest;
import io.jenkins.plugins.nestedpve.sim.model.Perms;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimTask;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.model.VmClone;
import io.jenkins.plugins.nestedpve.sim.model.VmStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** VM list, create, clone, config, destroy and template (pve-facts §3). */
final class QemuApi {
    private final PveMachine self;

    QemuApi(PveMachine self) {
        this.self = self;
    }

    void register(Registrar r) {
        r.add("GET", "/nodes/{node}/qemu", NodeRouting.on(self, this::list));
        r.add("POST", "/nodes/{node}/qemu", NodeRouting.on(self, this::create));
        r.add("POST", "/nodes/{node}/qemu/{vmid}/clone", NodeRouting.on(self, this::clone));
        r.add("GET", "/nodes/{node}/qemu/{vmid}/config", NodeRouting.on(self, this::getConfig));
        r.add(
                "PUT",
                "/nodes/{node}/qemu/{vmid}/config",
                NodeRouting.on(
                        self,
                        (m, req) -> m.vms().config().updateSync(Args.vmid(req), Args.flat(req), req.principal())));
        r.add("POST", "/nodes/{node}/qemu/{vmid}/config", NodeRouting.on(self, this::postConfig));
        r.add("GET", "/nodes/{node}/qemu/{vmid}/status/current", NodeRouting.on(self, this::current));
        r.add(
                "DELETE",
                "/nodes/{node}/qemu/{vmid}",
                NodeRouting.on(
                        self,
                        (m, req) -> m.vms().destroy(Args.vmid(req), req.flag("skiplock", false), req.principal())));
        r.add(
                "POST",
                "/nodes/{node}/qemu/{vmid}/template",
                NodeRouting.on(self, (m, req) -> m.vms().template(Args.vmid(req), req.principal())));
    }

    private Object list(PveMachine m, ApiRequest req) {
        Perms perms = new Perms(m.pmxcfs().users());
        List<Map<String, Object>> out = new ArrayList<>();
        for (SimVm vm : m.localVms()) {
            if (!vm.isContainer() && perms.has(req.principal(), "/vms/" + vm.vmid(), "VM.Audit")) {
                Map<String, Object> e = VmStats.current(
                        vm, m.env().clock().instant(), m.version().major() >= 9);
                e.remove("ha");
                out.add(e);
            }
        }
        return out;
    }

    private Object create(PveMachine m, ApiRequest req) {
        m.cluster().checkQuorum();
        return m.vms().create(Args.vmid(req), Args.flat(req), req.principal());
    }

    private Object clone(PveMachine m, ApiRequest req) {
        m.cluster().checkQuorum();
        VmClone.Request r = new VmClone.Request(
                Args.integer(req, "newid"),
                req.param("name"),
                req.param("description"),
                Args.optFlag(req, "full"),
                req.param("storage"),
                req.param("format"),
                req.param("target"),
                req.param("pool"),
                req.param("snapname"));
        return m.vms().clone().clone(Args.vmid(req), r, req.principal());
    }

    /**
     * Starts a qmconfig task; with {@code background_delay} waits up to that many (scaled) seconds:
     * null when it ended OK, an error when it failed, else the UPID (Qemu.pm update_vm_api).
     */
    private Object postConfig(PveMachine m, ApiRequest req) throws InterruptedException {
        int vmid = Args.vmid(req);
        String upid = m.vms().config().updateAsync(vmid, Args.flat(req), req.principal());
        Integer delay = Args.optInt(req, "background_delay");
        if (delay == null) {
            return upid;
        }
        SimTask t = m.tasks().find(upid).orElseThrow();
        try {
            t.completion()
                    .get(m.env().latency().scale(Duration.ofSeconds(delay)).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return upid;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        if (t.succeeded()) {
            return null;
        }
        throw ApiException.die(
                "failed to update VM " + vmid + ": " + t.exitstatus().orElse(""));
    }

    private Object getConfig(PveMachine m, ApiRequest req) {
        int vmid = Args.vmid(req);
        SimVm vm = m.vms().require(vmid);
        new Perms(m.pmxcfs().users()).require(req.principal(), "/vms/" + vmid, "VM.Audit");
        boolean current = req.flag("current", false);
        return vm.withConfig(c -> c.toJson(current));
    }

    private Object current(PveMachine m, ApiRequest req) {
        int vmid = Args.vmid(req);
        SimVm vm = m.vms().require(vmid);
        new Perms(m.pmxcfs().users()).require(req.principal(), "/vms/" + vmid, "VM.Audit");
        return VmStats.current(vm, m.env().clock().instant(), m.version().major() >= 9);
    }
}
