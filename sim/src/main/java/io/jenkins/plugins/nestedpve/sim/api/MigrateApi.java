package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.VmMigrate;

/** {@code POST|GET /nodes/{node}/qemu/{vmid}/migrate} (pve-facts §11). */
final class MigrateApi {
    private final PveMachine self;

    MigrateApi(PveMachine self) {
        this.self = self;
    }

    void register(Registrar r) {
        String qemu = "/nodes/{node}/qemu/{vmid}/migrate";
        r.add(
                "POST",
                qemu,
                NodeRouting.on(
                        self, (m, req) -> new VmMigrate(m).migrate(Args.vmid(req), Args.flat(req), req.principal())));
        r.add(
                "GET",
                qemu,
                NodeRouting.on(self, (m, req) -> new VmMigrate(m).precondition(Args.vmid(req), req.principal())));
    }
}
