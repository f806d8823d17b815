package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.ShellContext;
import io.jenkins.plugins.nestedpve.sim.shell.parse.Escapes;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** true, false, echo, sleep, whoami, id, printenv, basename, dirname. */
final class BasicPrograms {
    private BasicPrograms() {}

    static void register(Map<String, Command> programs, ShellContext ctx) {
        programs.put("true", inv -> 0);
        programs.put(":", inv -> 0);
        programs.put("false", inv -> 1);
        programs.put("echo", BasicPrograms::echo);
        programs.put("sleep", inv -> sleep(inv, ctx));
        programs.put("whoami", inv -> {
            inv.out().println("root");
            return 0;
        });
        programs.put("id", BasicPrograms::id);
        programs.put("printenv", BasicPrograms::printenv);
        programs.put("basename", BasicPrograms::basename);
        programs.put("dirname", BasicPrograms::dirname);
    }

    static int echo(Invocation inv) {
        List<String> args = inv.params();
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        while (i < args.size() && args.get(i).matches("-[neE]+")) {
            for (char c : args.get(i).substring(1).toCharArray()) {
                newline &= c != 'n';
                escapes = c == 'e' || (escapes && c != 'E');
            }
            i++;
        }
        String text = String.join(" ", args.subList(i, args.size()));
        if (escapes) {
            boolean[] stopped = {false};
            text = Escapes.echo(text, stopped);
            newline &= !stopped[0];
        }
        inv.out().print(newline ? text + "\n" : text);
        return 0;
    }

    private static int sleep(Invocation inv, ShellContext ctx) throws InterruptedException {
        if (inv.params().isEmpty()) {
            inv.err().println("sleep: missing operand");
            inv.err().println("Try 'sleep --help' for more information.");
            return 1;
        }
        Duration total = Duration.ZERO;
        for (String arg : inv.params()) {
            Duration d = parseInterval(arg);
            if (d == null) {
                inv.err().println("sleep: invalid time interval '" + arg + "'");
                inv.err().println("Try 'sleep --help' for more information.");
                return 1;
            }
            total = total.plus(d);
        }
        ctx.sleeper().sleep(total);
        return 0;
    }

    /** {@code 5}, {@code 0.5}, {@code 2m}, {@code 1h}, {@code 1d}; null when invalid. */
    static Duration parseInterval(String arg) {
        if (!arg.matches("\\d*\\.?\\d+[smhd]?")) {
            return null;
        }
        char unit = Character.isLetter(arg.charAt(arg.length() - 1)) ? arg.charAt(arg.length() - 1) : 's';
        String number = unit == arg.charAt(arg.length() - 1) ? arg.substring(0, arg.length() - 1) : arg;
        long factor = switch (unit) {
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> 1;
        };
        BigDecimal millis = new BigDecimal(number).multiply(BigDecimal.valueOf(factor * 1000));
        return Duration.ofMillis(millis.longValue());
    }

    private static int id(Invocation inv) {
        Opts o = Opts.parse(inv.params(), "");
        boolean name = o.has('n', "name");
        if (o.has('u', "user") || o.has('g', "group") || o.has('G', "groups")) {
            inv.out().println(name ? "root" : "0");
        } else {
            inv.out().println("uid=0(root) gid=0(root) groups=0(root)");
        }
        return 0;
    }

    private static int printenv(Invocation inv) {
        if (inv.params().isEmpty()) {
            new java.util.TreeMap<>(inv.env()).forEach((k, v) -> inv.out().println(k + "=" + v));
            return 0;
        }
        int status = 0;
        for (String name : inv.params()) {
            String v = inv.env().get(name);
            if (v == null) {
                status = 1;
            } else {
                inv.out().println(v);
            }
        }
        return status;
    }

    private static int basename(Invocation inv) {
        if (inv.params().isEmpty()) {
            inv.err().println("basename: missing operand");
            return 1;
        }
        String p = inv.params().get(0).replaceAll("/+$", "");
        String base = p.isEmpty() ? "/" : p.substring(p.lastIndexOf('/') + 1);
        if (inv.params().size() > 1
                && base.endsWith(inv.params().get(1))
                && !base.equals(inv.params().get(1))) {
            base = base.substring(0, base.length() - inv.params().get(1).length());
        }
        inv.out().println(base);
        return 0;
    }

    private static int dirname(Invocation inv) {
        if (inv.params().isEmpty()) {
            inv.err().println("dirname: missing operand");
            return 1;
        }
        String p = inv.params().get(0).replaceAll("/+$", "");
        int slash = p.lastIndexOf('/');
        inv.out()
                .println(
                        slash < 0
                                ? "."
                                : slash == 0 ? "/" : p.substring(0, slash).replaceAll("/+$", ""));
        return 0;
    }
}
