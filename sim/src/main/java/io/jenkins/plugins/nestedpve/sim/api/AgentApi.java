package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;

/** Guest agent endpoints (pve-facts §3.9). */
final class AgentApi {
    private final PveMachine self;

    AgentApi(PveMachine self) {
        this.self = self;
    }

    void register(Registrar r) {
        String base = "/nodes/{node}/qemu/{vmid}/agent/";
        add(r, "POST", base, "ping");
        add(r, "GET", base, "network-get-interfaces");
        add(r, "GET", base, "get-host-name");
        add(r, "GET", base, "get-osinfo");
        add(r, "GET", base, "info");
        add(r, "POST", base, "exec");
        add(r, "GET", base, "exec-status");
        add(r, "GET", base, "file-read");
        add(r, "POST", base, "file-write");
    }

    private void add(Registrar r, String method, String base, String command) {
        r.add(
                method,
                base + command,
                NodeRouting.on(
                        self,
                        (m, req) -> m.vms().agent().call(Args.vmid(req), command, req.params(), req.principal())));
    }
}
