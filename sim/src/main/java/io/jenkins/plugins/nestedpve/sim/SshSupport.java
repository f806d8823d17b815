package io.jenkins.plugins.nestedpve.sim;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.ssh.ExecFault;
import io.jenkins.plugins.nestedpve.sim.ssh.SimSshServer;
import java.io.IOException;

/**
 * Plugs the SSH server into machines: one {@link SimSshServer} per booted machine on its address,
 * running commands in the machine's shell; the fault plan can drop sessions.
 */
final class SshSupport {
    private SshSupport() {}

    static SimNodeServers.SshFactory factory(MachineShells shells) {
        return (machine, ip, port) -> {
            SimSshServer server = new SimSshServer(shells.shell(machine), ip, port);
            server.setExecFaults(
                    line -> machine.env().faults().sshDrop(ip) ? ExecFault.DROP_BEFORE_RUN : ExecFault.NONE);
            server.start();
            return new Endpoint(server, machine);
        };
    }

    private record Endpoint(SimSshServer server, PveMachine machine) implements SimNodeServers.SshEndpoint {
        @Override
        public int port() {
            return server.port();
        }

        /**
         * Host keys are read from the file system at every new connection, and open sessions survive
         * an sshd restart: nothing to do.
         */
        @Override
        public void restart() {
            // intentionally empty
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                // the port is released either way; nothing a caller could do
            }
        }
    }
}
