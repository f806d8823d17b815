package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.shell.Shadow;
import io.jenkins.plugins.nestedpve.sim.shell.ShellContext;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** chpasswd, systemd-machine-id-setup (the engine gives each clone its identity with them). */
final class AccountPrograms {
    private AccountPrograms() {}

    static void register(Map<String, Command> programs, ShellContext ctx) {
        programs.put("chpasswd", inv -> chpasswd(inv, ctx));
        programs.put("systemd-machine-id-setup", inv -> machineIdSetup(inv, ctx));
    }

    /** Reads {@code user:password} lines; any error leaves every password unchanged (as shadow-utils). */
    private static int chpasswd(Invocation inv, ShellContext ctx) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "cs");
        boolean encrypted = o.has('e', "encrypted");
        Map<String, String> changes = new LinkedHashMap<>();
        boolean failed = false;
        List<String> lines = Inputs.lines(Inputs.stdin(inv));
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int colon = line.indexOf(':');
            if (colon < 0) {
                inv.err().println("chpasswd: line " + (n + 1) + ": missing new password");
                failed = true;
                continue;
            }
            String user = line.substring(0, colon);
            if (!Shadow.userExists(ctx.fs(), user)) {
                inv.err().println("chpasswd: line " + (n + 1) + ": user '" + user + "' does not exist");
                failed = true;
                continue;
            }
            changes.put(user, line.substring(colon + 1));
        }
        if (failed) {
            inv.err().println("chpasswd: error detected, changes ignored");
            return 1;
        }
        changes.forEach((user, password) -> {
            if (encrypted) {
                Shadow.setHash(ctx.fs(), user, password, ctx.clock());
            } else {
                Shadow.setPassword(ctx.fs(), user, password, ctx.random(), ctx.clock());
            }
        });
        return 0;
    }

    static String newMachineId(ShellContext ctx) {
        byte[] bytes = new byte[16];
        ctx.random().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean valid(VirtualFs fs, String path) {
        return fs.read(path)
                .map(String::trim)
                .filter(s -> s.matches("[0-9a-f]{32}"))
                .isPresent();
    }

    /** Writes a new random id when {@code /etc/machine-id} is missing, empty or invalid. */
    private static int machineIdSetup(Invocation inv, ShellContext ctx) {
        if (valid(ctx.fs(), MachineFiles.MACHINE_ID)) {
            return 0;
        }
        inv.out().println("Initializing machine ID from random generator.");
        ctx.fs().write(MachineFiles.MACHINE_ID, newMachineId(ctx) + "\n");
        return 0;
    }
}
