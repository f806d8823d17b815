package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** cp, mv, ls. */
final class CopyMoveList {
    private static final DateTimeFormatter LS_TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT);

    private CopyMoveList() {}

    static void register(Map<String, Command> programs, Clock clock) {
        programs.put("cp", inv -> copy(inv, false));
        programs.put("mv", inv -> copy(inv, true));
        programs.put("ls", inv -> ls(inv, clock));
    }

    private static int copy(Invocation inv, boolean move) {
        String prog = move ? "mv" : "cp";
        Opts o = Opts.parse(inv.params(), "tS");
        boolean recursive = move || o.has('r', "recursive") || o.has('R') || o.has('a', "archive");
        if (o.operands.size() < 2) {
            inv.err()
                    .println(prog + ": missing destination file operand after '"
                            + (o.operands.isEmpty() ? "" : o.operands.get(0)) + "'");
            return 1;
        }
        VirtualFs fs = inv.fs();
        String destName = o.operands.get(o.operands.size() - 1);
        String dest = Inputs.path(inv, destName);
        List<String> sources = o.operands.subList(0, o.operands.size() - 1);
        if (sources.size() > 1 && !fs.isDirectory(dest)) {
            inv.err().println(prog + ": target '" + destName + "': Not a directory");
            return 1;
        }
        int status = 0;
        for (String name : sources) {
            String src = Inputs.path(inv, name);
            String target = fs.isDirectory(dest) ? VirtualFs.resolve(dest, baseName(src)) : dest;
            if (!fs.exists(src)) {
                inv.err().println(prog + ": cannot stat '" + name + "': No such file or directory");
                status = 1;
            } else if (fs.isDirectory(src) && !recursive) {
                inv.err().println("cp: -r not specified; omitting directory '" + name + "'");
                status = 1;
            } else if (!fs.isDirectory(VirtualFs.resolve(target, ".."))) {
                inv.err().println(prog + ": cannot create regular file '" + destName + "': No such file or directory");
                status = 1;
            } else {
                transfer(fs, src, target, move);
            }
        }
        return status;
    }

    private static void transfer(VirtualFs fs, String src, String target, boolean move) {
        if (src.equals(target)) {
            return;
        }
        if (fs.isFile(src)) {
            fs.write(target, fs.read(src).orElse(""));
        } else {
            fs.mkdir(target);
            String prefix = src + "/";
            fs.snapshot().forEach((path, content) -> {
                if (path.startsWith(prefix)) {
                    fs.write(target + "/" + path.substring(prefix.length()), content);
                }
            });
        }
        if (move) {
            if (fs.isFile(src)) {
                fs.delete(src);
            } else {
                fs.deleteTree(src);
            }
        }
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static int ls(Invocation inv, Clock clock) {
        Opts o = Opts.parse(inv.params(), "wIT");
        boolean all = o.has('a', "all") || o.has('A', "almost-all");
        boolean longFormat = o.has('l');
        boolean dirItself = o.has('d', "directory");
        List<String> names = o.operands.isEmpty() ? List.of(".") : o.operands;
        VirtualFs fs = inv.fs();
        int status = 0;
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (String name : names) {
            String path = Inputs.path(inv, name);
            if (!fs.exists(path)) {
                inv.err().println("ls: cannot access '" + name + "': No such file or directory");
                status = 2;
            } else if (fs.isDirectory(path) && !dirItself) {
                dirs.add(name);
            } else {
                files.add(name);
            }
        }
        files.sort(null);
        for (String name : files) {
            inv.out().println(longFormat ? longLine(fs, Inputs.path(inv, name), name, clock) : name);
        }
        boolean headers = names.size() > 1;
        for (int i = 0; i < dirs.size(); i++) {
            if (headers) {
                inv.out().print(i > 0 || !files.isEmpty() ? "\n" + dirs.get(i) + ":\n" : dirs.get(i) + ":\n");
            }
            String dir = Inputs.path(inv, dirs.get(i));
            List<String> entries =
                    fs.list(dir).stream().filter(e -> all || !e.startsWith(".")).toList();
            if (longFormat) {
                inv.out().println("total " + entries.size() * 4);
            }
            for (String entry : entries) {
                inv.out().println(longFormat ? longLine(fs, VirtualFs.resolve(dir, entry), entry, clock) : entry);
            }
        }
        return status;
    }

    private static String longLine(VirtualFs fs, String path, String shown, Clock clock) {
        boolean dir = fs.isDirectory(path);
        long size = dir
                ? 4096
                : fs.read(path)
                        .map(s -> (long) s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        .orElse(0L);
        String mode = dir ? "drwxr-xr-x" : path.startsWith("/dev/") ? "crw-rw----" : "-rw-r--r--";
        String time = LS_TIME.format(clock.instant().atZone(ZoneOffset.UTC));
        return String.format(Locale.ROOT, "%s %d root root %5d %s %s", mode, dir ? 2 : 1, size, time, shown);
    }
}
