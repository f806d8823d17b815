package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.List;
import java.util.Map;

/** mv (the upgrade trial renames APT source files with {@code mv -f}). */
final class MoveProgram {
    private MoveProgram() {}

    static void register(Map<String, Command> programs) {
        programs.put("mv", MoveProgram::move);
    }

    private static int move(Invocation inv) {
        String prog = "mv";
        Opts o = Opts.parse(inv.params(), "tS");
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
            } else if (!fs.isDirectory(VirtualFs.resolve(target, ".."))) {
                inv.err().println(prog + ": cannot create regular file '" + destName + "': No such file or directory");
                status = 1;
            } else {
                transfer(fs, src, target);
            }
        }
        return status;
    }

    private static void transfer(VirtualFs fs, String src, String target) {
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
        if (fs.isFile(src)) {
            fs.delete(src);
        } else {
            fs.deleteTree(src);
        }
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
