package io.jenkins.plugins.nestedpve.sim.shell;

import io.jenkins.plugins.nestedpve.sim.shell.parse.Parser;
import io.jenkins.plugins.nestedpve.sim.shell.parse.SyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Builtins that change the shell process itself (cd, export, set, exit, read, source...). */
final class ShellBuiltins {
    static final Set<String> NAMES = Set.of(
            "cd",
            "pwd",
            "export",
            "unset",
            "set",
            "exit",
            "return",
            "shift",
            "local",
            "declare",
            "typeset",
            "readonly",
            "read",
            "source",
            ".",
            "eval",
            "trap",
            "wait",
            "break",
            "continue",
            ":",
            "umask",
            "hash",
            "ulimit",
            "alias",
            "unalias",
            "shopt",
            "exec");

    private final Interpreter interpreter;
    private final ShellState state;
    private final Launcher launcher;

    ShellBuiltins(Interpreter interpreter, ShellState state, Launcher launcher) {
        this.interpreter = interpreter;
        this.state = state;
        this.launcher = launcher;
    }

    int run(List<String> argv, Io io) throws InterruptedException {
        List<String> args = argv.subList(1, argv.size());
        switch (argv.get(0)) {
            case "cd":
                return cd(args, io);
            case "pwd":
                io.out().println(state.cwd);
                return 0;
            case "export", "local", "declare", "typeset", "readonly":
                return declare(argv.get(0), args);
            case "unset":
                args.stream().filter(a -> !a.startsWith("-")).forEach(a -> {
                    state.vars.remove(a);
                    state.exported.remove(a);
                    state.functions.remove(a);
                });
                return 0;
            case "set":
                return ShellOptions.set(state, args, io, interpreter);
            case "exit", "return", "break", "continue":
                throw leave(argv.get(0), args, io);
            case "shift":
                return shift(args);
            case "read":
                return ReadBuiltin.read(state, args, io);
            case "source", ".":
                return source(args, io);
            case "eval":
                return eval(String.join(" ", args), io);
            case "trap":
                return trap(args);
            case "wait":
                return waitJobs();
            case "exec":
                if (args.isEmpty()) {
                    return 0;
                }
                throw new ExitException(launcher.launch(new ArrayList<>(args), state.environment(), io));
            case "umask":
                if (args.isEmpty()) {
                    io.out().println("0022");
                }
                return 0;
            default:
                return 0;
        }
    }

    /** The unwinding that {@code exit}, {@code return}, {@code break} and {@code continue} start. */
    private RuntimeException leave(String name, List<String> args, Io io) {
        switch (name) {
            case "exit":
                return new ExitException(status(args, "exit", io) & 0xff);
            case "return":
                return new ControlFlow(ControlFlow.Kind.RETURN, status(args, "return", io) & 0xff);
            default:
                int levels = args.isEmpty() ? 1 : Math.max(1, status(args, name, io));
                return new ControlFlow(
                        name.equals("break") ? ControlFlow.Kind.BREAK : ControlFlow.Kind.CONTINUE, levels);
        }
    }

    private int shift(List<String> args) {
        int n = args.isEmpty() || !args.get(0).matches("\\d+") ? 1 : Integer.parseInt(args.get(0));
        if (n > state.positional.size()) {
            return 1;
        }
        state.positional = new ArrayList<>(state.positional.subList(n, state.positional.size()));
        return 0;
    }

    private int status(List<String> args, String name, Io io) {
        if (args.isEmpty()) {
            return state.lastStatus;
        }
        try {
            return Integer.parseInt(args.get(0));
        } catch (NumberFormatException e) {
            interpreter.error(io.err(), name + ": " + args.get(0) + ": numeric argument required");
            return 2;
        }
    }

    private int cd(List<String> args, Io io) {
        String target = args.isEmpty() ? state.get("HOME") : args.get(0);
        if (target == null) {
            interpreter.error(io.err(), "cd: HOME not set");
            return 1;
        }
        if (target.equals("-")) {
            target = Optional.ofNullable(state.get("OLDPWD")).orElse(state.cwd);
            io.out().println(target);
        }
        String path = VirtualFs.resolve(state.cwd, target);
        VirtualFs fs = interpreter.fs();
        if (!fs.isDirectory(path)) {
            String why = fs.isFile(path) ? "Not a directory" : "No such file or directory";
            interpreter.error(io.err(), "cd: " + target + ": " + why);
            return 1;
        }
        state.vars.put("OLDPWD", state.cwd);
        state.cwd = path;
        state.vars.put("PWD", path);
        return 0;
    }

    private int declare(String builtin, List<String> args) {
        boolean export = builtin.equals("export") || args.contains("-x");
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (eq >= 0) {
                state.vars.put(name, arg.substring(eq + 1));
            } else if (!state.vars.containsKey(name) && !export) {
                state.vars.put(name, "");
            }
            if (export) {
                state.exported.add(name);
            }
        }
        return 0;
    }

    private int source(List<String> args, Io io) throws InterruptedException {
        if (args.isEmpty()) {
            interpreter.error(io.err(), "source: filename argument required");
            return 2;
        }
        String path = VirtualFs.resolve(state.cwd, args.get(0));
        Optional<String> script = interpreter.fs().read(path);
        if (script.isEmpty()) {
            interpreter.error(io.err(), args.get(0) + ": No such file or directory");
            return 1;
        }
        List<String> saved = state.positional;
        if (args.size() > 1) {
            state.positional = new ArrayList<>(args.subList(1, args.size()));
        }
        try {
            return eval(script.get(), io);
        } catch (ControlFlow e) {
            if (e.kind() != ControlFlow.Kind.RETURN) {
                throw e;
            }
            return e.value();
        } finally {
            state.positional = saved;
        }
    }

    private int eval(String script, Io io) throws InterruptedException {
        try {
            return interpreter.execute(Parser.parse(script), io, false);
        } catch (SyntaxException e) {
            interpreter.error(io.err(), e.getMessage());
            return 2;
        }
    }

    private int trap(List<String> args) {
        if (args.size() < 2) {
            return 0;
        }
        String action = args.get(0);
        for (String signal : args.subList(1, args.size())) {
            if (signal.equals("EXIT") || signal.equals("0")) {
                state.exitTrap = action.equals("-") ? null : action;
            }
        }
        return 0;
    }

    private int waitJobs() throws InterruptedException {
        int status = 0;
        for (Future<Integer> job : interpreter.jobs()) {
            try {
                status = job.get();
            } catch (ExecutionException e) {
                status = 1;
            }
        }
        interpreter.jobs().clear();
        return status;
    }
}
