package io.jenkins.plugins.nestedpve.sim;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.ShellRunner;
import io.jenkins.plugins.nestedpve.sim.model.SimEnv;
import io.jenkins.plugins.nestedpve.sim.pve.PvePrograms;
import io.jenkins.plugins.nestedpve.sim.shell.MachineHooks;
import io.jenkins.plugins.nestedpve.sim.shell.Shell;
import io.jenkins.plugins.nestedpve.sim.shell.Sleeper;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shell per machine (with the PVE programs bound to it), for SSH sessions and guest agent
 * exec. Shells of powered-off machines stay usable: the machine object survives reboots.
 */
final class MachineShells implements ShellRunner, AutoCloseable {
    private static final MachineHooks NO_MACHINE = new MachineHooks() {
        @Override
        public int runningVmCount() {
            return 0;
        }

        @Override
        public void reboot() {}

        @Override
        public void restartService(String name) {}
    };

    private final SimEnv env;
    private final Map<PveMachine, Shell> shells = new ConcurrentHashMap<>();

    MachineShells(SimEnv env) {
        this.env = env;
    }

    /** The shell of {@code machine}. */
    Shell shell(PveMachine machine) {
        return shells.computeIfAbsent(
                machine,
                m -> builder(m.fs(), m).programs(PvePrograms.forMachine(m)).build());
    }

    private Shell.Builder builder(VirtualFs fs, MachineHooks hooks) {
        return Shell.builder(fs, hooks)
                .clock(env.clock())
                .random(env.random())
                .rsaKeyBits(2048)
                .sleeper(accounted(Sleeper.scaled(env.latency().scale())));
    }

    /** {@code sleeper}, its sleeps accounted as injected latency (a simulated program's {@code sleep}). */
    private Sleeper accounted(Sleeper sleeper) {
        return d -> {
            env.injected().begin();
            try {
                sleeper.sleep(d);
            } finally {
                env.injected().end();
            }
        };
    }

    /** Generates SSH host keys on an installed file system, as the installer does. */
    void generateHostKeys(VirtualFs fs) {
        try (Shell s = builder(fs, NO_MACHINE).build()) {
            Shell.Result r = s.run("ssh-keygen -A");
            if (r.status() != 0) {
                throw new IllegalStateException("ssh-keygen -A failed: " + r.stderr());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating SSH host keys", e);
        }
    }

    @Override
    public Result run(PveMachine machine, List<String> argv, String stdin) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String line = String.join(" ", argv.stream().map(MachineShells::quote).toList());
        int rc = shell(machine)
                .exec(line, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, Map.of());
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Single-quotes one argument for the shell. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        shells.values().forEach(Shell::close);
        shells.clear();
    }
}
