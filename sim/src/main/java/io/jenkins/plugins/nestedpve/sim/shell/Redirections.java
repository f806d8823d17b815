package io.jenkins.plugins.nestedpve.sim.shell;

import io.jenkins.plugins.nestedpve.sim.shell.parse.Node;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies redirections to the standard streams. Output to a file is collected and written to the
 * {@link VirtualFs} once, when the command ends ({@link #commit()}), so observers of the file
 * system see each file change whole.
 */
final class Redirections {
    /** A redirection that could not be set up; the message is what bash prints after its prefix. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Sink {
        final String path;
        final boolean append;
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(buffer, false, StandardCharsets.UTF_8);

        Sink(String path, boolean append) {
            this.path = path;
            this.append = append;
        }
    }

    private final VirtualFs fs;
    private final String cwd;
    private final List<Sink> sinks = new ArrayList<>();
    private InputStream in;
    private final PrintStream[] outs = new PrintStream[10];

    private Redirections(VirtualFs fs, String cwd, Io io) {
        this.fs = fs;
        this.cwd = cwd;
        this.in = io.in();
        outs[1] = io.out();
        outs[2] = io.err();
    }

    /** What a target word expands to; here-documents are expanded by the caller too. */
    interface TargetExpander {
        String expand(Node.Redirect redirect) throws InterruptedException;
    }

    static Redirections apply(VirtualFs fs, String cwd, Io io, List<Node.Redirect> list, TargetExpander expander)
            throws Failure, InterruptedException {
        Redirections r = new Redirections(fs, cwd, io);
        for (Node.Redirect redirect : list) {
            r.one(redirect, expander.expand(redirect));
        }
        return r;
    }

    Io io() {
        return new Io(in, outs[1], outs[2] == null ? nullStream() : outs[2]);
    }

    private void one(Node.Redirect r, String target) throws Failure {
        switch (r.op()) {
            case "<", "<>" -> in = input(target);
            case "<<", "<<-" -> in = bytes(target);
            case "<<<" -> in = bytes(target + "\n");
            case ">", ">|", ">>" -> outs[fd(r, 1)] = output(target, r.op().equals(">>"));
            case "&>", "&>>" -> {
                PrintStream both = output(target, r.op().equals("&>>"));
                outs[1] = both;
                outs[2] = both;
            }
            case ">&", "<&" -> duplicate(r, target);
            default -> throw new Failure(r.op() + ": unsupported redirection");
        }
    }

    private static int fd(Node.Redirect r, int dflt) throws Failure {
        int fd = r.fd() < 0 ? dflt : r.fd();
        if (fd > 9) {
            throw new Failure(fd + ": Bad file descriptor");
        }
        return fd;
    }

    private void duplicate(Node.Redirect r, String target) throws Failure {
        if (r.op().equals("<&")) {
            return;
        }
        if (target.equals("-")) {
            outs[fd(r, 1)] = nullStream();
            return;
        }
        if (!target.matches("\\d")) {
            PrintStream both = output(target, false);
            outs[1] = both;
            outs[2] = both;
            return;
        }
        PrintStream source = outs[Integer.parseInt(target)];
        if (source == null) {
            throw new Failure(target + ": Bad file descriptor");
        }
        outs[fd(r, 1)] = source;
    }

    private InputStream input(String target) throws Failure {
        String path = VirtualFs.resolve(cwd, target);
        if (path.equals("/dev/null")) {
            return InputStream.nullInputStream();
        }
        if (path.equals("/dev/stdin")) {
            return in;
        }
        Optional<String> content = fs.read(path);
        if (content.isEmpty()) {
            throw new Failure(target + (fs.isDirectory(path) ? ": Is a directory" : ": No such file or directory"));
        }
        return bytes(content.get());
    }

    private PrintStream output(String target, boolean append) throws Failure {
        String path = VirtualFs.resolve(cwd, target);
        switch (path) {
            case "/dev/null":
                return nullStream();
            case "/dev/stdout":
                return outs[1];
            case "/dev/stderr":
                return outs[2];
            default:
                break;
        }
        if (fs.isDirectory(path)) {
            throw new Failure(target + ": Is a directory");
        }
        String parent = VirtualFs.resolve(path, "..");
        if (!fs.isDirectory(parent)) {
            throw new Failure(target + ": No such file or directory");
        }
        Sink sink = new Sink(path, append);
        sinks.add(sink);
        return sink.stream;
    }

    /** Writes collected file output to the file system. */
    void commit() {
        for (Sink sink : sinks) {
            sink.stream.flush();
            String content = sink.buffer.toString(StandardCharsets.UTF_8);
            if (sink.append) {
                fs.append(sink.path, content);
            } else {
                fs.write(sink.path, content);
            }
        }
        sinks.clear();
    }

    static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static PrintStream nullStream() {
        return new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    }
}
