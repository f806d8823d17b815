package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.Map;
import java.util.Optional;

/** cat, rm, mkdir (the engine runs them on guests and the host). */
final class FilePrograms {
    private FilePrograms() {}

    static void register(Map<String, Command> programs) {
        programs.put("cat", FilePrograms::cat);
        programs.put("rm", FilePrograms::rm);
        programs.put("mkdir", FilePrograms::mkdir);
    }

    private static int cat(Invocation inv) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "");
        if (o.operands.isEmpty()) {
            o.operands.add("-");
        }
        int status = 0;
        for (String name : o.operands) {
            Optional<String> content = Inputs.read(inv, "cat", name);
            if (content.isEmpty()) {
                status = 1;
            } else {
                inv.out().print(content.get());
            }
        }
        return status;
    }

    private static int rm(Invocation inv) {
        Opts o = Opts.parse(inv.params(), "");
        boolean force = o.has('f', "force");
        boolean recursive = o.has('r', "recursive") || o.has('R');
        if (o.operands.isEmpty() && !force) {
            inv.err().println("rm: missing operand");
            inv.err().println("Try 'rm --help' for more information.");
            return 1;
        }
        int status = 0;
        for (String name : o.operands) {
            String path = Inputs.path(inv, name);
            VirtualFs fs = inv.fs();
            if (path.equals("/") && recursive) {
                inv.err().println("rm: it is dangerous to operate recursively on '/'");
                inv.err().println("rm: use --no-preserve-root to override this failsafe");
                status = 1;
            } else if (fs.isFile(path)) {
                fs.delete(path);
            } else if (fs.isDirectory(path)) {
                if (recursive) {
                    fs.deleteTree(path);
                } else {
                    inv.err().println("rm: cannot remove '" + name + "': Is a directory");
                    status = 1;
                }
            } else if (!force) {
                inv.err().println("rm: cannot remove '" + name + "': No such file or directory");
                status = 1;
            }
        }
        return status;
    }

    private static int mkdir(Invocation inv) {
        Opts o = Opts.parse(inv.params(), "m");
        boolean parents = o.has('p', "parents");
        if (o.operands.isEmpty()) {
            inv.err().println("mkdir: missing operand");
            return 1;
        }
        int status = 0;
        for (String name : o.operands) {
            String path = Inputs.path(inv, name);
            VirtualFs fs = inv.fs();
            String parent = VirtualFs.resolve(path, "..");
            if (fs.isFile(path) || (fs.isDirectory(path) && !parents)) {
                inv.err().println("mkdir: cannot create directory '" + name + "': File exists");
                status = 1;
            } else if (!parents && !fs.isDirectory(parent)) {
                inv.err().println("mkdir: cannot create directory '" + name + "': No such file or directory");
                status = 1;
            } else if (parents && blockedByFile(fs, path)) {
                inv.err().println("mkdir: cannot create directory '" + name + "': Not a directory");
                status = 1;
            } else {
                for (String p = path; !p.equals("/"); p = VirtualFs.resolve(p, "..")) {
                    fs.mkdir(p);
                }
            }
        }
        return status;
    }

    private static boolean blockedByFile(VirtualFs fs, String path) {
        for (String p = VirtualFs.resolve(path, ".."); !p.equals("/"); p = VirtualFs.resolve(p, "..")) {
            if (fs.isFile(p)) {
                return true;
            }
        }
        return false;
    }
}
