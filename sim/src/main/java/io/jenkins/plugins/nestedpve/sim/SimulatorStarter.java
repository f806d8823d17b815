package io.jenkins.plugins.nestedpve.sim;

import io.jenkins.plugins.nestedpve.sim.http.RequestLog;
import io.jenkins.plugins.nestedpve.sim.model.Hardware;
import io.jenkins.plugins.nestedpve.sim.model.Lan;
import io.jenkins.plugins.nestedpve.sim.model.OsImage;
import io.jenkins.plugins.nestedpve.sim.model.PhysicalCluster;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimEnv;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.model.UserDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a {@link Simulator}: picks a free loopback block (random start, then bind attempts, so
 * simulators in one JVM or several processes do not collide), installs the host and templates,
 * mints credentials and binds the host's servers.
 */
final class SimulatorStarter {
    private static final int ATTEMPTS = 40;

    private final Simulator.Builder b;
    private final SecureRandom random = new SecureRandom();

    SimulatorStarter(Simulator.Builder b) {
        this.b = b;
    }

    Simulator start() {
        if (b.hostRootPassword == null) {
            b.hostRootPassword = password();
        }
        if (b.guestRootPassword == null) {
            b.guestRootPassword = password();
        }
        IOException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            int n = b.block != null ? b.block : 1 + random.nextInt(254);
            if (b.block == null && !free(n)) {
                continue;
            }
            try {
                return startOn(n);
            } catch (IOException e) {
                last = e;
                if (b.block != null) {
                    break;
                }
            }
        }
        throw new IllegalStateException(
                "no free loopback block 127.77.N.0/24 could be bound for the simulated host" + " (API port " + b.apiPort
                        + ", SSH port " + b.sshPort + "); free a port or pick another one",
                last);
    }

    /** Whether the host's API port can be bound in block {@code n} (a cheap probe before installing). */
    private boolean free(int n) {
        if (b.apiPort == 0) {
            return true;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.77." + n + ".1"), b.apiPort));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Simulator startOn(int n) throws IOException {
        Lan lan = new Lan(n, b.dhcpPoolSize);
        RequestLog log = b.requestLog != null
                ? RequestLog.toFile(b.requestLog, RequestLog.DEFAULT_CAPACITY)
                : RequestLog.inMemory();
        SimEnv env = new SimEnv(b.clock, b.latency, b.faults, lan, b.requestLog);
        MachineShells shells = new MachineShells(env);
        try {
            env.setShellRunner(shells);
            env.preloadSchema(io.jenkins.plugins.nestedpve.sim.model.PveVersion.of(b.hostRelease)
                    .schemaRelease());
            // guests on 8.x may be upgraded to 9.x: both schemas are needed then
            b.templates.forEach(t -> env.preloadSchema(io.jenkins.plugins.nestedpve.sim.model.PveVersion.of(t.release())
                    .schemaRelease()));
            env.preloadSchema("9.1");
            SimNodeServers.SshFactory ssh = b.ssh ? SshSupport.factory(shells) : null;
            env.setServersFactory(m -> new SimNodeServers(m, log, b.apiPort, b.sshPort, ssh));
            String ip = lan.address(1);
            OsImage img = SimulatorSetup.hostImage(env, b, ip);
            if (b.ssh) {
                shells.generateHostKeys(img.fs());
            }
            Hardware hw = new Hardware(b.vendor, true, b.hostCpus, b.hostMemoryGiB * 1024L * 1024L * 1024L);
            PveMachine host = PveMachine.physical(env, img, hw, env.serversFactory());
            UserDb users = host.pmxcfs().users();
            String secret = SimulatorSetup.ciToken(users, b.tokenUser, b.tokenName);
            String rootSecret =
                    b.rootToken ? users.addToken("root@pam", "sim", false, 0, "simulator root token") : null;
            List<PveMachine> nodes = physicalNodes(env, shells, lan, host);
            for (TemplateSpec t : b.templates) {
                for (int i = 0; i < (b.templatesOnEveryNode ? nodes.size() : 1); i++) {
                    SimVm vm = SimulatorSetup.template(env, nodes.get(i), t, t.vmid() + 1000 * i, b);
                    if (b.ssh) {
                        shells.generateHostKeys(vm.image().fs());
                    }
                }
            }
            for (int i = 0; i < nodes.size(); i++) {
                nodes.get(i).boot(lan.address(1 + i));
            }
            return new Simulator(b, env, host, nodes, log, new Simulator.Credentials(secret, rootSecret), shells);
        } catch (IOException | RuntimeException e) {
            shells.close();
            env.close();
            log.close();
            throw e;
        }
    }

    /**
     * The host alone, or the host and the other nodes of its physical cluster ({@code <host>2},
     * {@code <host>3}, ... on {@code .2}, {@code .3}, ...), sharing one /etc/pve.
     */
    private List<PveMachine> physicalNodes(SimEnv env, MachineShells shells, Lan lan, PveMachine host) {
        List<PveMachine> nodes = new ArrayList<>(List.of(host));
        List<String> addresses = new ArrayList<>(List.of(lan.address(1)));
        for (int i = 2; i <= b.physicalNodes; i++) {
            String ip = lan.address(i);
            OsImage img = SimulatorSetup.hostImage(env, b, b.hostName + i, ip);
            if (b.ssh) {
                shells.generateHostKeys(img.fs());
            }
            Hardware hw = new Hardware(b.vendor, true, b.hostCpus, b.hostMemoryGiB * 1024L * 1024L * 1024L);
            nodes.add(PveMachine.physical(env, img, hw, env.serversFactory()));
            addresses.add(ip);
        }
        if (b.sharedStorage != null) {
            host.pmxcfs().setSharedStorage(b.sharedStorage);
        }
        if (nodes.size() > 1) {
            PhysicalCluster.form(b.physicalClusterName, nodes, addresses);
        }
        return List.copyOf(nodes);
    }

    private String password() {
        String chars = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }
}
