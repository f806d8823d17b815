package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Input helpers shared by the programs, with coreutils' error texts. */
final class Inputs {
    private Inputs() {}

    static String path(Invocation inv, String name) {
        return VirtualFs.resolve(inv.cwd(), name);
    }

    /** All of standard input as UTF-8 text. */
    static String stdin(Invocation inv) throws InterruptedException {
        try {
            return new String(inv.stdin().readAllBytes(), StandardCharsets.UTF_8);
        } catch (InterruptedIOException e) {
            throw new InterruptedException("reading stdin interrupted");
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("reading stdin interrupted");
            }
            return "";
        }
    }

    /**
     * Reads an operand ({@code -} is stdin), printing {@code prog: NAME: No such file or directory}
     * or {@code Is a directory} and returning empty on failure.
     */
    static Optional<String> read(Invocation inv, String prog, String name) throws InterruptedException {
        if (name.equals("-")) {
            return Optional.of(stdin(inv));
        }
        String path = path(inv, name);
        if (path.equals("/dev/null")) {
            return Optional.of("");
        }
        Optional<String> content = inv.fs().read(path);
        if (content.isEmpty()) {
            String why = inv.fs().isDirectory(path) ? "Is a directory" : "No such file or directory";
            inv.err().println(prog + ": " + name + ": " + why);
        }
        return content;
    }

    /** Splits text into lines without their terminators; a final newline does not start a new line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                lines.add(text.substring(start));
                break;
            }
            lines.add(text.substring(start, nl));
            start = nl + 1;
        }
        return lines;
    }

    /** Prints lines, each followed by a newline. */
    static void printLines(Invocation inv, List<String> lines) {
        for (String line : lines) {
            inv.out().print(line);
            inv.out().print('\n');
        }
    }
}
