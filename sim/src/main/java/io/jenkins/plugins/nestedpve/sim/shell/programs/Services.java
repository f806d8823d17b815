package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.MachineHooks;
import java.util.List;
import java.util.Map;

/**
 * {@code systemctl} and {@code reboot} (the engine and the upgrade trial use them): service restarts and
 * reboots go to {@link MachineHooks}. Every service is reported active (the hooks expose no state);
 * the machine model may register its own {@code systemctl} to change that.
 */
final class Services {
    private final MachineHooks hooks;

    private Services(MachineHooks hooks) {
        this.hooks = hooks;
    }

    static void register(Map<String, Command> programs, MachineHooks hooks) {
        Services s = new Services(hooks);
        programs.put("systemctl", s::systemctl);
        programs.put("reboot", inv -> s.reboot());
    }

    private static String unit(String name) {
        return name.endsWith(".service") ? name.substring(0, name.length() - ".service".length()) : name;
    }

    private int reboot() {
        hooks.reboot();
        return 0;
    }

    private int systemctl(Invocation inv) {
        List<String> args =
                inv.params().stream().filter(a -> !a.startsWith("-")).toList();
        if (args.isEmpty()) {
            inv.out().println("  UNIT LOAD ACTIVE SUB DESCRIPTION");
            return 0;
        }
        String verb = args.get(0);
        List<String> units =
                args.subList(1, args.size()).stream().map(Services::unit).toList();
        switch (verb) {
            case "reboot":
                return reboot();
            case "restart", "reload", "try-restart", "reload-or-restart", "try-reload-or-restart", "start":
                if (units.isEmpty()) {
                    inv.err().println("Too few arguments.");
                    return 1;
                }
                units.forEach(hooks::restartService);
                return 0;
            case "is-active":
                units.forEach(u -> inv.out().println("active"));
                return 0;
            case "is-enabled":
                units.forEach(u -> inv.out().println("enabled"));
                return 0;
            case "status":
                for (String u : units) {
                    inv.out().println("● " + u + ".service");
                    inv.out()
                            .println("     Loaded: loaded (/lib/systemd/system/" + u
                                    + ".service; enabled; preset: enabled)");
                    inv.out().println("     Active: active (running)");
                }
                return 0;
            case "stop", "enable", "disable", "daemon-reload", "mask", "unmask", "reset-failed":
                return 0;
            default:
                inv.err().println("Unknown command verb " + verb + ".");
                return 1;
        }
    }
}
