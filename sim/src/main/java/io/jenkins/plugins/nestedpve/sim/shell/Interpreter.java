package io.jenkins.plugins.nestedpve.sim.shell;

import io.jenkins.plugins.nestedpve.sim.shell.parse.Node;
import io.jenkins.plugins.nestedpve.sim.shell.parse.Parser;
import io.jenkins.plugins.nestedpve.sim.shell.parse.SyntaxException;
import io.jenkins.plugins.nestedpve.sim.shell.parse.Word;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/** Executes parsed scripts against one {@link ShellState}; one instance per shell process. */
final class Interpreter {
    private final Shell shell;
    private final ShellState state;
    private final Dialect dialect;
    private final Expander expander;
    private final SimpleCommands simple;
    private final long pid;
    private final List<Future<Integer>> jobs = new ArrayList<>();
    private String lastBackgroundPid;
    private int line = 1;
    private PrintStream err = Redirections.nullStream();

    Interpreter(Shell shell, ShellState state, Dialect dialect) {
        this.shell = shell;
        this.state = state;
        this.dialect = dialect;
        this.expander = new Expander(this, state);
        this.simple = new SimpleCommands(this, shell, state, expander);
        this.pid = shell.nextPid();
    }

    VirtualFs fs() {
        return shell.context().fs();
    }

    Dialect dialect() {
        return dialect;
    }

    long pid() {
        return pid;
    }

    String lastBackgroundPid() {
        return lastBackgroundPid;
    }

    List<Future<Integer>> jobs() {
        return jobs;
    }

    int line() {
        return line;
    }

    void setLine(int line, PrintStream err) {
        this.line = line;
        this.err = err;
    }

    /** Prints {@code message} with the error prefix and returns the exception that ends the shell. */
    ExitException fatal(String message, int status) {
        err.println(dialect.prefix(line) + message);
        err.flush();
        return new ExitException(status);
    }

    /** Prints a non-fatal error with the shell's prefix ({@code bash: line N: }). */
    void error(PrintStream stream, String message) {
        stream.println(dialect.prefix(line) + message);
        stream.flush();
    }

    /** Parses and runs a whole script as this shell process; returns its exit status. */
    int runScript(String script, Io io) throws InterruptedException {
        this.err = io.err();
        Node.Sequence program;
        try {
            program = Parser.parse(script);
        } catch (SyntaxException e) {
            io.err().println(dialect.syntaxPrefix(e.line()) + e.getMessage());
            io.flush();
            return 2;
        }
        int status;
        try {
            status = execute(program, io, false);
        } catch (ExitException e) {
            status = e.status();
        } catch (ControlFlow e) {
            status = e.kind() == ControlFlow.Kind.RETURN ? e.value() : state.lastStatus;
        }
        status = runExitTrap(io, status);
        io.flush();
        return status;
    }

    /** What one interactive input did: its status, and whether it ran {@code exit}. */
    record Outcome(int status, boolean exited) {}

    /**
     * Runs one complete input of an interactive session, keeping this shell's state for the next;
     * {@code exit} ends the session (running the EXIT trap).
     */
    Outcome runInteractive(String script, Io io) throws InterruptedException {
        this.err = io.err();
        try {
            int status = execute(Parser.parse(script), io, false);
            io.flush();
            return new Outcome(status, false);
        } catch (SyntaxException e) {
            io.err().println(dialect.prefix(e.line()) + e.getMessage());
            state.lastStatus = 2;
            io.flush();
            return new Outcome(2, false);
        } catch (ExitException e) {
            int status = runExitTrap(io, e.status());
            io.flush();
            return new Outcome(status, true);
        } catch (ControlFlow e) {
            io.flush();
            return new Outcome(state.lastStatus, false);
        }
    }

    private int runExitTrap(Io io, int status) throws InterruptedException {
        String trap = state.exitTrap;
        if (trap == null || trap.isEmpty()) {
            return status;
        }
        state.exitTrap = null;
        state.lastStatus = status;
        try {
            execute(Parser.parse(trap), io, false);
        } catch (ExitException e) {
            return e.status();
        } catch (SyntaxException | ControlFlow e) {
            return status;
        }
        return status;
    }

    /** Runs a node in a subshell (copy of the state); {@code exit} ends only the subshell. */
    int subshell(Node node, Io io) throws InterruptedException {
        Interpreter sub = new Interpreter(shell, state.copy(), dialect);
        sub.line = line;
        sub.err = io.err();
        try {
            return sub.execute(node, io, false);
        } catch (ExitException e) {
            return e.status();
        } catch (ControlFlow e) {
            return e.kind() == ControlFlow.Kind.RETURN ? e.value() : sub.state.lastStatus;
        }
    }

    /** Runs {@code $(source)} in a subshell and returns its output without trailing newlines. */
    String substitute(String source, Io io) throws InterruptedException {
        Node.Sequence program;
        try {
            program = Parser.parse(source);
        } catch (SyntaxException e) {
            throw fatal("command substitution: " + e.getMessage(), 2);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, false, StandardCharsets.UTF_8);
        int status = subshell(program, new Io(io.in(), out, io.err()));
        out.flush();
        simple.recordSubstitution(status);
        String text = buffer.toString(StandardCharsets.UTF_8);
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(0, end);
    }

    int execute(Node node, Io io, boolean condition) throws InterruptedException {
        if (node instanceof Node.Sequence seq) {
            int status = 0;
            for (Node.Item item : seq.items()) {
                status = item.background() ? background(item.andOr(), io) : execute(item.andOr(), io, condition);
            }
            return status;
        }
        if (node instanceof Node.AndOr andOr) {
            return andOr(andOr, io, condition);
        }
        if (node instanceof Node.Pipeline pipeline) {
            return pipeline(pipeline, io, condition);
        }
        return Compounds.execute(this, state, (Node.Command) node, io, condition);
    }

    int simpleCommand(Node.Simple command, Io io) throws InterruptedException {
        return simple.execute(command, io);
    }

    String simpleTarget(Node.Redirect redirect, Io io) throws InterruptedException {
        return simple.target(redirect, io);
    }

    String expandSingle(Word word, Io io) throws InterruptedException {
        return expander.single(word, io);
    }

    List<String> expandWords(List<Word> words, Io io) throws InterruptedException {
        return expander.fields(words, io);
    }

    private int andOr(Node.AndOr andOr, Io io, boolean condition) throws InterruptedException {
        List<Node.Pipeline> pipelines = andOr.pipelines();
        int status = execute(pipelines.get(0), io, condition || pipelines.size() > 1);
        for (int i = 1; i < pipelines.size(); i++) {
            boolean and = andOr.ops().get(i - 1).equals("&&");
            if ((status == 0) == and) {
                boolean last = i == pipelines.size() - 1;
                status = execute(pipelines.get(i), io, condition || !last);
            }
        }
        return status;
    }

    private int pipeline(Node.Pipeline pipeline, Io io, boolean condition) throws InterruptedException {
        List<Node.Command> commands = pipeline.commands();
        boolean cond = condition || pipeline.negated();
        int status = commands.size() == 1 ? execute(commands.get(0), io, cond) : stages(commands, io);
        if (pipeline.negated()) {
            status = status == 0 ? 1 : 0;
        }
        state.lastStatus = status;
        Node.Command last = commands.get(commands.size() - 1);
        boolean checked = last instanceof Node.Simple || (last instanceof Node.Group g && g.subshell());
        if (status != 0 && !cond && state.errexit && checked) {
            throw new ExitException(status);
        }
        return status;
    }

    /** Runs pipeline stages one after the other, each in a subshell, feeding output to the next. */
    private int stages(List<Node.Command> commands, Io io) throws InterruptedException {
        InputStream in = io.in();
        int status = 0;
        int failed = 0;
        for (int i = 0; i < commands.size(); i++) {
            boolean last = i == commands.size() - 1;
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            PrintStream out = last ? io.out() : new PrintStream(buffer, false, StandardCharsets.UTF_8);
            status = subshell(commands.get(i), new Io(in, out, io.err()));
            out.flush();
            if (status != 0) {
                failed = status;
            }
            in = Redirections.bytes(buffer.toString(StandardCharsets.UTF_8));
        }
        return state.pipefail && status == 0 ? failed : status;
    }

    private int background(Node.AndOr andOr, Io io) {
        Interpreter sub = new Interpreter(shell, state.copy(), dialect);
        Io bgIo = new Io(InputStream.nullInputStream(), io.out(), io.err());
        jobs.add(shell.background(() -> sub.subshell(andOr, bgIo)));
        lastBackgroundPid = Long.toString(sub.pid);
        state.lastStatus = 0;
        return 0;
    }

    /** Runs a function body with its arguments as positional parameters. */
    int callFunction(Node.FunctionDef function, List<String> argv, Io io) throws InterruptedException {
        List<String> saved = state.positional;
        state.positional = new ArrayList<>(argv.subList(1, argv.size()));
        try {
            return execute(function.body(), io, false);
        } catch (ControlFlow e) {
            if (e.kind() != ControlFlow.Kind.RETURN) {
                throw e;
            }
            return e.value();
        } finally {
            state.positional = saved;
        }
    }
}
