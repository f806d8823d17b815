package io.jenkins.plugins.nestedpve.sim.shell;

import io.jenkins.plugins.nestedpve.sim.shell.parse.Node;
import io.jenkins.plugins.nestedpve.sim.shell.parse.Word;
import java.util.List;

/** Execution of compound commands: if, for, while/until, groups, function definitions. */
final class Compounds {
    private Compounds() {}

    static int execute(Interpreter in, ShellState state, Node.Command command, Io io, boolean condition)
            throws InterruptedException {
        if (command instanceof Node.Simple simple) {
            return in.simpleCommand(simple, io);
        }
        if (command instanceof Node.FunctionDef def) {
            state.functions.put(def.name(), def);
            return 0;
        }
        if (command.redirects().isEmpty()) {
            return body(in, state, command, io, condition);
        }
        Redirections redirections;
        try {
            redirections = Redirections.apply(in.fs(), state.cwd, io, command.redirects(), r -> target(in, r, io));
        } catch (Redirections.Failure e) {
            in.error(io.err(), e.getMessage());
            return 1;
        }
        try {
            return body(in, state, command, redirections.io(), condition);
        } finally {
            redirections.commit();
        }
    }

    private static String target(Interpreter in, Node.Redirect r, Io io) throws InterruptedException {
        return in.simpleTarget(r, io);
    }

    private static int body(Interpreter in, ShellState state, Node.Command command, Io io, boolean condition)
            throws InterruptedException {
        if (command instanceof Node.If node) {
            for (int i = 0; i < node.conditions().size(); i++) {
                if (in.execute(node.conditions().get(i), io, true) == 0) {
                    return in.execute(node.bodies().get(i), io, condition);
                }
            }
            return node.elseBody() == null ? 0 : in.execute(node.elseBody(), io, condition);
        }
        if (command instanceof Node.For node) {
            List<String> items =
                    node.items() == null ? List.copyOf(state.positional) : in.expandWords(node.items(), io);
            int status = 0;
            for (String item : items) {
                state.vars.put(node.variable(), item);
                LoopResult r = iteration(in, node.body(), io, condition);
                status = r.status;
                if (r.stop) {
                    break;
                }
            }
            return status;
        }
        if (command instanceof Node.While node) {
            int status = 0;
            while ((in.execute(node.condition(), io, true) == 0) != node.until()) {
                LoopResult r = iteration(in, node.body(), io, condition);
                status = r.status;
                if (r.stop) {
                    break;
                }
            }
            return status;
        }
        if (command instanceof Node.Case node) {
            String subject = in.expandSingle(node.subject(), io);
            for (int i = 0; i < node.patterns().size(); i++) {
                for (Word pattern : node.patterns().get(i)) {
                    if (Glob.toRegex(in.expandSingle(pattern, io))
                            .matcher(subject)
                            .matches()) {
                        return in.execute(node.bodies().get(i), io, condition);
                    }
                }
            }
            return 0;
        }
        Node.Group group = (Node.Group) command;
        return group.subshell() ? in.subshell(group.body(), io) : in.execute(group.body(), io, condition);
    }

    private record LoopResult(int status, boolean stop) {}

    private static LoopResult iteration(Interpreter in, Node body, Io io, boolean condition)
            throws InterruptedException {
        try {
            return new LoopResult(in.execute(body, io, condition), false);
        } catch (ControlFlow e) {
            if (e.kind() == ControlFlow.Kind.RETURN) {
                throw e;
            }
            if (e.value() > 1) {
                throw new ControlFlow(e.kind(), e.value() - 1);
            }
            return new LoopResult(0, e.kind() == ControlFlow.Kind.BREAK);
        }
    }
}
