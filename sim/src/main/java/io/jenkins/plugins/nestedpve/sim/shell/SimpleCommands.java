package io.jenkins.plugins.nestedpve.sim.shell;

import io.jenkins.plugins.nestedpve.sim.shell.parse.Assignments;
import io.jenkins.plugins.nestedpve.sim.shell.parse.Node;
import io.jenkins.plugins.nestedpve.sim.shell.parse.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs one simple command: expansion, assignments, redirections, then function/builtin/program. */
final class SimpleCommands {
    /** Builtins whose {@code NAME=value} arguments are expanded like assignments (no splitting). */
    private static final Set<String> DECLARATIONS = Set.of("export", "local", "declare", "typeset", "readonly");

    private final Interpreter interpreter;
    private final ShellState state;
    private final Expander expander;
    private final ShellBuiltins builtins;
    private final Launcher launcher;
    private int substitutionStatus = -1;

    SimpleCommands(Interpreter interpreter, Shell shell, ShellState state, Expander expander) {
        this.interpreter = interpreter;
        this.state = state;
        this.expander = expander;
        this.launcher = new Launcher(interpreter, shell, state);
        this.builtins = new ShellBuiltins(interpreter, state, launcher);
    }

    void recordSubstitution(int status) {
        substitutionStatus = status;
    }

    int execute(Node.Simple command, Io io) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("shell command interrupted");
        }
        interpreter.setLine(command.line(), io.err());
        substitutionStatus = -1;
        List<String> argv = arguments(command.words(), io);
        Map<String, String> assignments = new LinkedHashMap<>();
        for (Node.Assignment a : command.assignments()) {
            assignments.put(a.name(), expander.single(a.value(), io));
        }
        if (argv.isEmpty()) {
            state.vars.putAll(assignments);
            int status = withRedirects(command, io, redirected -> 0);
            return status != 0 ? status : Math.max(substitutionStatus, 0);
        }
        if (state.xtrace) {
            io.err().println("+ " + String.join(" ", argv));
        }
        return withRedirects(command, io, redirected -> invoke(argv, assignments, redirected));
    }

    private List<String> arguments(List<Word> words, Io io) throws InterruptedException {
        if (words.isEmpty() || !DECLARATIONS.contains(words.get(0).literal())) {
            return expander.fields(words, io);
        }
        List<String> argv = new ArrayList<>();
        for (Word word : words) {
            Node.Assignment a = argv.isEmpty() ? null : Assignments.split(word);
            if (a == null) {
                argv.addAll(expander.fields(List.of(word), io));
            } else {
                argv.add(a.name() + "=" + expander.single(a.value(), io));
            }
        }
        return argv;
    }

    /** The expanded target of a redirection (here-document bodies included). */
    String target(Node.Redirect r, Io io) throws InterruptedException {
        if (r.hereDoc() != null) {
            return expander.single(r.hereDoc().body(), io);
        }
        return expander.single(r.target(), io);
    }

    private interface Body {
        int run(Io io) throws InterruptedException;
    }

    private int withRedirects(Node.Simple command, Io io, Body body) throws InterruptedException {
        if (command.redirects().isEmpty()) {
            return body.run(io);
        }
        Redirections redirections;
        try {
            redirections = Redirections.apply(interpreter.fs(), state.cwd, io, command.redirects(), r -> target(r, io));
        } catch (Redirections.Failure e) {
            interpreter.error(io.err(), e.getMessage());
            return 1;
        }
        Io redirected = redirections.io();
        try {
            return body.run(redirected);
        } finally {
            redirected.flush();
            redirections.commit();
        }
    }

    private int invoke(List<String> argv, Map<String, String> assignments, Io io) throws InterruptedException {
        String name = argv.get(0);
        Node.FunctionDef function = state.functions.get(name);
        if (function != null) {
            return withTemporary(assignments, () -> interpreter.callFunction(function, argv, io));
        }
        if (ShellBuiltins.NAMES.contains(name)) {
            return withTemporary(assignments, () -> builtins.run(argv, io));
        }
        Map<String, String> env = state.environment();
        env.putAll(assignments);
        return launcher.launch(argv, env, io);
    }

    private int withTemporary(Map<String, String> assignments, Body0 body) throws InterruptedException {
        Map<String, String> saved = new HashMap<>();
        for (Map.Entry<String, String> e : assignments.entrySet()) {
            saved.put(e.getKey(), state.vars.get(e.getKey()));
            state.vars.put(e.getKey(), e.getValue());
        }
        try {
            return body.run();
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    state.vars.remove(k);
                } else {
                    state.vars.put(k, v);
                }
            });
        }
    }

    private interface Body0 {
        int run() throws InterruptedException;
    }
}
