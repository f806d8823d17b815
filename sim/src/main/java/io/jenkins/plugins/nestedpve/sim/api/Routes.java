package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;

/** Registers every simulated endpoint of one PVE node. */
public final class Routes {
    private Routes() {}

    public static void register(PveMachine machine, Registrar r) {
        new NodeApi(machine).register(r);
        new AccessApi(machine).register(r);
        new QemuApi(machine).register(r);
        new PowerApi(machine).register(r);
        new AgentApi(machine).register(r);
        new TaskApi(machine).register(r);
        new ClusterApi(machine).register(r);
        new MigrateApi(machine).register(r);
        new LxcApi(machine).register(r);
        new NodeAptApi(machine).register(r);
        new PoolApi(machine).register(r);
    }
}
