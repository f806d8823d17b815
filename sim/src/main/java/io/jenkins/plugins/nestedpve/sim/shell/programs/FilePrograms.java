package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.Map;
import java.util.Optional;

/** cat, tee, rm, mkdir, touch, chmod, chown, realpath/readlink, mktemp. */
final class FilePrograms {
    private FilePrograms() {}

    static void register(Map<String, Command> programs, java.util.Random random) {
        programs.put("cat", FilePrograms::cat);
        programs.put("tee", FilePrograms::tee);
        programs.put("rm", FilePrograms::rm);
        programs.put("mkdir", FilePrograms::mkdir);
        programs.put("touch", FilePrograms::touch);
        programs.put("chmod", inv -> mustExist(inv, "chmod", 1));
        programs.put("chown", inv -> mustExist(inv, "chown", 1));
        programs.put("chgrp", inv -> mustExist(inv, "chgrp", 1));
        programs.put("realpath", FilePrograms::realpath);
        programs.put("readlink", FilePrograms::realpath);
        programs.put("sync", inv -> 0);
        programs.put("mktemp", inv -> mktemp(inv, random));
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

    private static int tee(Invocation inv) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "");
        boolean append = o.has('a', "append");
        String input = Inputs.stdin(inv);
        inv.out().print(input);
        int status = 0;
        for (String name : o.operands) {
            String path = Inputs.path(inv, name);
            if (path.equals("/dev/null")) {
                continue;
            }
            if (inv.fs().isDirectory(path) || !inv.fs().isDirectory(VirtualFs.resolve(path, ".."))) {
                String why = inv.fs().isDirectory(path) ? "Is a directory" : "No such file or directory";
                inv.err().println("tee: " + name + ": " + why);
                status = 1;
            } else if (append) {
                inv.fs().append(path, input);
            } else {
                inv.fs().write(path, input);
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

    private static int touch(Invocation inv) {
        Opts o = Opts.parse(inv.params(), "dtr");
        int status = 0;
        for (String name : o.operands) {
            String path = Inputs.path(inv, name);
            if (inv.fs().exists(path) || o.has('c', "no-create")) {
                continue;
            }
            if (!inv.fs().isDirectory(VirtualFs.resolve(path, ".."))) {
                inv.err().println("touch: cannot touch '" + name + "': No such file or directory");
                status = 1;
            } else {
                inv.fs().write(path, "");
            }
        }
        return status;
    }

    /** chmod/chown: the simulator keeps no modes or owners; only the existence check remains. */
    private static int mustExist(Invocation inv, String prog, int skipFirst) {
        Opts o = Opts.parse(inv.params(), "");
        int status = 0;
        for (String name : o.operands.subList(Math.min(skipFirst, o.operands.size()), o.operands.size())) {
            if (!inv.fs().exists(Inputs.path(inv, name))) {
                inv.err().println(prog + ": cannot access '" + name + "': No such file or directory");
                status = 1;
            }
        }
        return status;
    }

    private static int realpath(Invocation inv) {
        Opts o = Opts.parse(inv.params(), "");
        int status = 0;
        for (String name : o.operands) {
            String path = Inputs.path(inv, name);
            if (!inv.fs().exists(path)
                    && (o.has('e') || inv.name().endsWith("readlink") && !o.has('f') && !o.has('m'))) {
                if (inv.name().endsWith("realpath")) {
                    inv.err().println("realpath: " + name + ": No such file or directory");
                }
                status = 1;
            } else {
                inv.out().println(path);
            }
        }
        return status;
    }

    private static int mktemp(Invocation inv, java.util.Random random) {
        Opts o = Opts.parse(inv.params(), "pt");
        String template = o.operands.isEmpty() ? "/tmp/tmp.XXXXXXXXXX" : o.operands.get(0);
        if (!template.contains("/")) {
            template = o.value('p', "/tmp") + "/" + template;
        }
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder name = new StringBuilder(template);
        for (int i = name.length() - 1; i >= 0 && name.charAt(i) == 'X'; i--) {
            name.setCharAt(i, alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String path = Inputs.path(inv, name.toString());
        if (o.has('d', "directory")) {
            inv.fs().mkdir(path);
        } else {
            inv.fs().write(path, "");
        }
        inv.out().println(path);
        return 0;
    }
}
