package io.jenkins.plugins.nestedpve.sim.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code bash [-euxo opt] -c STRING [ARG0 ARGS]}, {@code bash FILE ARGS}, {@code bash -s}, script files. */
final class NestedShell {
    private NestedShell() {}

    /** Parsed invocation: option flags applied to {@code state}, and the remaining operands. */
    private record Options(boolean command, boolean stdin, List<String> rest) {}

    private static Options parse(List<String> argv, ShellState state) {
        boolean command = false;
        boolean stdin = false;
        int i = 1;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--") || a.equals("-")) {
                i++;
                break;
            }
            if (a.startsWith("--")) {
                continue;
            }
            if (a.length() < 2 || !(a.startsWith("-") || a.startsWith("+"))) {
                break;
            }
            for (char letter : a.substring(1).toCharArray()) {
                if (letter == 'c') {
                    command = true;
                } else if (letter == 's') {
                    stdin = true;
                } else if (letter == 'o' && i + 1 < argv.size()) {
                    ShellOptions.named(state, argv.get(++i), a.startsWith("-"));
                } else {
                    ShellOptions.letter(state, letter, a.startsWith("-"));
                }
            }
        }
        return new Options(command, stdin, new ArrayList<>(argv.subList(Math.min(i, argv.size()), argv.size())));
    }

    static int run(Shell shell, String base, List<String> argv, Map<String, String> env, String cwd, Io io)
            throws InterruptedException {
        boolean dash = !base.equals("bash");
        ShellState state = ShellState.fromEnvironment(env, cwd);
        Options inv = parse(argv, state);
        List<String> rest = inv.rest();
        if (inv.command()) {
            if (rest.isEmpty()) {
                io.err().println(base + ": -c: option requires an argument");
                return 2;
            }
            state.arg0 = rest.size() > 1 ? rest.get(1) : base;
            state.positional = new ArrayList<>(rest.subList(Math.min(2, rest.size()), rest.size()));
            return new Interpreter(shell, state, new Dialect(base, dash, true)).runScript(rest.get(0), io);
        }
        if (!rest.isEmpty() && !inv.stdin()) {
            return file(shell, base, dash, state, rest, cwd, io);
        }
        state.arg0 = base;
        state.positional = rest;
        String script;
        try {
            script = new String(io.in().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return 1;
        }
        return new Interpreter(shell, state, new Dialect(base, dash, false))
                .runScript(script, io.withIn(InputStream.nullInputStream()));
    }

    private static int file(
            Shell shell, String base, boolean dash, ShellState state, List<String> rest, String cwd, Io io)
            throws InterruptedException {
        String path = VirtualFs.resolve(cwd, rest.get(0));
        if (!shell.context().fs().isFile(path)) {
            io.err().println(base + ": " + rest.get(0) + ": No such file or directory");
            return 127;
        }
        state.arg0 = rest.get(0);
        state.positional = new ArrayList<>(rest.subList(1, rest.size()));
        String script = shell.context().fs().read(path).orElse("");
        return new Interpreter(shell, state, new Dialect(rest.get(0), dash, false)).runScript(script, io);
    }

    /** Runs a script file invoked by path; its {@code #!} line picks bash or sh. */
    static int script(
            Shell shell, String path, String content, List<String> argv, Map<String, String> env, String cwd, Io io)
            throws InterruptedException {
        String firstLine = content.lines().findFirst().orElse("");
        boolean dash = firstLine.startsWith("#!") && !firstLine.contains("bash") && firstLine.matches(".*\\bsh\\b.*");
        ShellState state = ShellState.fromEnvironment(env, cwd);
        state.arg0 = argv.get(0);
        state.positional = new ArrayList<>(argv.subList(1, argv.size()));
        return new Interpreter(shell, state, new Dialect(argv.get(0), dash, false)).runScript(content, io);
    }
}
