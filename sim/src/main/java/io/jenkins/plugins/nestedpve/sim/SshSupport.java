package io.jenkins.plugins.nestedpve.sim;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import io.jenkins.plugins.nestedpve.sim.shell.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import io.jenkins.plugins.nestedpve.sim.ssh.ExecFault;
import io.jenkins.plugins.nestedpve.sim.ssh.SimSshServer;
import io.jenkins.plugins.nestedpve.sim.ssh.SshImpostor;
import java.io.IOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.server.SshServer;

/**
 * Plugs the SSH server into machines: one {@link SimSshServer} per booted machine on its address,
 * running commands in the machine's shell; the fault plan can drop sessions or put an impostor in a
 * guest's place.
 */
final class SshSupport {
    private SshSupport() {}

    static SimNodeServers.SshFactory factory(MachineShells shells) {
        return (machine, ip, port) -> {
            Optional<SshImpostor> impostor =
                    machine.vm().flatMap(vm -> machine.env().faults().sshImpostorFor(vm.vmid()));
            if (impostor.isPresent()) {
                return new ImpostorEndpoint(impostor.get().serve(ip, port, hostKeys(machine.fs())));
            }
            SimSshServer server = new SimSshServer(shells.shell(machine), ip, port);
            server.setExecFaults(line -> {
                machine.env().execs().record(ip, line);
                return machine.env().faults().sshDrop(ip) ? ExecFault.DROP_BEFORE_RUN : ExecFault.NONE;
            });
            server.start();
            return new Endpoint(server, machine);
        };
    }

    /** The private host keys on {@code fs} (a clone's: the template's until it makes its own). */
    private static List<KeyPair> hostKeys(VirtualFs fs) {
        List<KeyPair> keys = new ArrayList<>();
        for (String type : MachineFiles.HOST_KEY_TYPES) {
            fs.read(MachineFiles.hostKey(type)).flatMap(HostKeys::parsePrivate).ifPresent(keys::add);
        }
        return keys;
    }

    private record ImpostorEndpoint(SshServer server) implements SimNodeServers.SshEndpoint {
        @Override
        public int port() {
            return server.getPort();
        }

        @Override
        public void restart() {
            // the impostor does not read the guest's files
        }

        @Override
        public void close() {
            try {
                server.stop(true);
            } catch (IOException e) {
                // the port is released either way
            }
        }
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
