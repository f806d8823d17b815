package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code stat [-c FORMAT] FILE...} with {@code %n %s %F %a %A %U %G %u %g %Y}; the simulator keeps
 * no modes, owners or times, so files read as root's 0644 (directories 0755) changed "now".
 */
final class StatProgram {
    private StatProgram() {}

    static int run(Invocation inv, Clock clock) {
        Opts o = Opts.parse(inv.params(), "c");
        String format = o.value('c', o.longs.getOrDefault("format", o.longs.get("printf")));
        if (o.operands.isEmpty()) {
            inv.err().println("stat: missing operand");
            inv.err().println("Try 'stat --help' for more information.");
            return 1;
        }
        int status = 0;
        for (String name : o.operands) {
            String path = Inputs.path(inv, name);
            if (!inv.fs().exists(path)) {
                inv.err().println("stat: cannot statx '" + name + "': No such file or directory");
                status = 1;
            } else if (format != null) {
                inv.out()
                        .print(render(format, inv.fs(), path, name, clock)
                                + (o.longs.containsKey("printf") ? "" : "\n"));
            } else {
                inv.out()
                        .println(render(
                                "  File: %n\n  Size: %s\tType: %F\nAccess: (0%a/%A)  Uid: (    %u/    %U)"
                                        + "   Gid: (    %g/    %G)",
                                inv.fs(), path, name, clock));
            }
        }
        return status;
    }

    private static String render(String format, VirtualFs fs, String path, String name, Clock clock) {
        boolean dir = fs.isDirectory(path);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                sb.append(c);
                continue;
            }
            char f = format.charAt(++i);
            sb.append(
                    switch (f) {
                        case 'n' -> name;
                        case 's' ->
                            dir
                                    ? "4096"
                                    : Integer.toString(
                                            fs.read(path).orElse("").getBytes(StandardCharsets.UTF_8).length);
                        case 'F' ->
                            dir ? "directory" : path.startsWith("/dev/") ? "character special file" : "regular file";
                        case 'a' -> dir ? "755" : "644";
                        case 'A' -> dir ? "drwxr-xr-x" : "-rw-r--r--";
                        case 'U', 'G' -> "root";
                        case 'u', 'g' -> "0";
                        case 'Y' -> Long.toString(clock.instant().getEpochSecond());
                        case '%' -> "%";
                        default -> "?";
                    });
        }
        return sb.toString();
    }
}
