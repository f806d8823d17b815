package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds and runs programs: registered {@link Command}s (a path like {@code /usr/bin/cat} resolves
 * by its last component), script files in the {@link VirtualFs}, nested {@code bash}/{@code sh},
 * and wrappers that run another program ({@code env}, {@code command}, {@code sudo}, {@code
 * nohup}, {@code timeout}, {@code nice}).
 */
final class Launcher {
    private static final Set<String> SBIN =
            Set.of("modprobe", "reboot", "poweroff", "chpasswd", "qm", "pct", "sshd", "getty");

    private final Interpreter interpreter;
    private final Shell shell;
    private final ShellState state;

    Launcher(Interpreter interpreter, Shell shell, ShellState state) {
        this.interpreter = interpreter;
        this.shell = shell;
        this.state = state;
    }

    int launch(List<String> argv, Map<String, String> env, Io io) throws InterruptedException {
        String name = argv.get(0);
        String base = name.substring(name.lastIndexOf('/') + 1);
        switch (base) {
            case "bash", "sh", "dash":
                return NestedShell.run(shell, base, argv, env, state.cwd, io);
            case "env":
                return env(argv, env, io);
            case "command", "type", "which":
                return lookup(base, argv, env, io);
            case "nohup", "sudo", "nice", "timeout", "stdbuf", "ionice":
                List<String> rest = Wrappers.strip(base, argv);
                return rest.isEmpty() ? 0 : launch(rest, env, io);
            default:
                break;
        }
        Optional<Command> program = shell.program(base);
        if (name.contains("/") && program.isEmpty()) {
            return pathProgram(name, argv, env, io);
        }
        if (program.isEmpty()) {
            io.err().println(interpreter.dialect().notFound(interpreter.line(), name));
            return 127;
        }
        Invocation invocation = new Invocation(
                argv, io.in(), io.out(), io.err(), shell.context().fs(), env, state.cwd);
        try {
            return program.get().run(invocation);
        } finally {
            io.flush();
        }
    }

    private int pathProgram(String name, List<String> argv, Map<String, String> env, Io io)
            throws InterruptedException {
        VirtualFs fs = shell.context().fs();
        String path = VirtualFs.resolve(state.cwd, name);
        if (fs.isFile(path)) {
            return NestedShell.script(shell, path, fs.read(path).orElse(""), argv, env, state.cwd, io);
        }
        String why = fs.isDirectory(path) ? "Is a directory" : "No such file or directory";
        interpreter.error(io.err(), name + ": " + why);
        return fs.isDirectory(path) ? 126 : 127;
    }

    private int env(List<String> argv, Map<String, String> env, Io io) throws InterruptedException {
        Map<String, String> newEnv = new TreeMap<>(env);
        int i = 1;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-i") || a.equals("-")) {
                newEnv.clear();
            } else if (a.equals("-u") && i + 1 < argv.size()) {
                newEnv.remove(argv.get(++i));
            } else if (a.contains("=") && !a.startsWith("=")) {
                newEnv.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                break;
            }
        }
        if (i >= argv.size()) {
            newEnv.forEach((k, v) -> io.out().println(k + "=" + v));
            return 0;
        }
        return launch(new ArrayList<>(argv.subList(i, argv.size())), newEnv, io);
    }

    private int lookup(String base, List<String> argv, Map<String, String> env, Io io) throws InterruptedException {
        List<String> args = argv.subList(1, argv.size());
        if (base.equals("command")
                && !args.isEmpty()
                && !args.get(0).equals("-v")
                && !args.get(0).equals("-V")) {
            List<String> rest = args.get(0).equals("-p") ? args.subList(1, args.size()) : args;
            return rest.isEmpty() ? 0 : launch(new ArrayList<>(rest), env, io);
        }
        List<String> names = args.stream().filter(a -> !a.startsWith("-")).toList();
        int status = 0;
        for (String n : names) {
            String found = locate(n);
            if (found == null) {
                status = 1;
                if (base.equals("type")) {
                    interpreter.error(io.err(), "type: " + n + ": not found");
                }
            } else if (base.equals("type")) {
                io.out().println(found.startsWith("/") ? n + " is " + found : n + " is a shell builtin");
            } else if (!base.equals("which") || found.startsWith("/")) {
                io.out().println(found);
            }
        }
        return status;
    }

    /** Where {@code command -v} finds a name: a path, or the bare name for builtins and functions. */
    private String locate(String name) {
        if (ShellBuiltins.NAMES.contains(name) || state.functions.containsKey(name)) {
            return name;
        }
        if (name.contains("/")) {
            return shell.context().fs().isFile(VirtualFs.resolve(state.cwd, name)) ? name : null;
        }
        if (shell.program(name).isPresent()
                || Set.of("bash", "sh", "dash", "env").contains(name)) {
            return (SBIN.contains(name) ? "/usr/sbin/" : "/usr/bin/") + name;
        }
        return null;
    }
}
