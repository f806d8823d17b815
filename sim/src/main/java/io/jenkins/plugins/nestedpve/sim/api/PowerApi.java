package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;

/** {@code POST .../status/start|stop|shutdown|reset|reboot} (pve-facts §3.6). */
final class PowerApi {
    private final PveMachine self;

    PowerApi(PveMachine self) {
        this.self = self;
    }

    void register(Registrar r) {
        String base = "/nodes/{node}/qemu/{vmid}/status/";
        r.add(
                "POST",
                base + "start",
                NodeRouting.on(
                        self,
                        (m, req) ->
                                m.vms().power().start(Args.vmid(req), req.flag("skiplock", false), req.principal())));
        r.add(
                "POST",
                base + "stop",
                NodeRouting.on(
                        self,
                        (m, req) ->
                                m.vms().power().stop(Args.vmid(req), req.flag("skiplock", false), req.principal())));
        r.add(
                "POST",
                base + "shutdown",
                NodeRouting.on(
                        self,
                        (m, req) -> m.vms()
                                .power()
                                .shutdown(
                                        Args.vmid(req),
                                        req.flag("skiplock", false),
                                        Args.optInt(req, "timeout"),
                                        req.flag("forceStop", false),
                                        req.principal())));
        r.add(
                "POST",
                base + "reset",
                NodeRouting.on(
                        self,
                        (m, req) ->
                                m.vms().power().reset(Args.vmid(req), req.flag("skiplock", false), req.principal())));
        r.add(
                "POST",
                base + "reboot",
                NodeRouting.on(self, (m, req) -> m.vms().power().reboot(Args.vmid(req), req.principal())));
    }
}
