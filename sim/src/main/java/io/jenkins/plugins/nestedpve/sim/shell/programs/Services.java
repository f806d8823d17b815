package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.MachineHooks;
import java.util.List;
import java.util.Map;

/**
 * {@code systemctl} and {@code reboot} (the engine and the upgrade trial use them): service restarts and
 * reboots go to {@link MachineHooks}. Every service is reported active (the hooks expose no state);
 * the machine model may register its own {@code systemctl} to change that. {@code mask} links the unit
 * in {@code /etc/systemd/system} to {@code /dev/null} (the file holds that target here), and a masked
 * unit refuses to start: {@code Failed to restart X.service: Unit X.service is masked.}, exit 1
 * (systemd's {@code systemctl(1)}, "mask").
 */
public final class Services {
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

    /** Where {@code systemctl mask} puts the unit's link to {@code /dev/null}. */
    public static String unitLink(String unit) {
        return "/etc/systemd/system/" + unit + ".service";
    }

    /** What a masked unit's link points to. */
    public static final String DEV_NULL = "/dev/null";

    private static boolean masked(Invocation inv, String unit) {
        return inv.fs()
                .read(unitLink(unit))
                .map(t -> t.strip().equals(DEV_NULL))
                .orElse(false);
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
                for (String u : units) {
                    if (masked(inv, u)) {
                        inv.err()
                                .println("Failed to " + verb + " " + u + ".service: Unit " + u + ".service is masked.");
                        return 1;
                    }
                }
                units.forEach(hooks::restartService);
                return 0;
            case "mask":
                units.forEach(u -> inv.fs().write(unitLink(u), DEV_NULL));
                return 0;
            case "unmask":
                units.forEach(u -> inv.fs().delete(unitLink(u)));
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
            case "stop", "enable", "disable", "daemon-reload", "reset-failed":
                return 0;
            default:
                inv.err().println("Unknown command verb " + verb + ".");
                return 1;
        }
    }
}
