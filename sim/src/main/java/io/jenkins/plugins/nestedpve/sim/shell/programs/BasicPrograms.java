package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.ShellContext;
import io.jenkins.plugins.nestedpve.sim.shell.parse.Escapes;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** true, :, false, echo (shell builtins) and sleep (its time is simulated time). */
final class BasicPrograms {
    private BasicPrograms() {}

    static void register(Map<String, Command> programs, ShellContext ctx) {
        programs.put("true", inv -> 0);
        programs.put(":", inv -> 0);
        programs.put("false", inv -> 1);
        programs.put("echo", BasicPrograms::echo);
        programs.put("sleep", inv -> sleep(inv, ctx));
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
}
