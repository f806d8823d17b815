package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.shell.Sleeper;
import java.io.PrintStream;
import java.time.Duration;

/** Prints a program's output line by line, spread over its realistic duration (streamed, flushed). */
final class Output {
    private final PrintStream out;
    private final PrintStream err;
    private final Sleeper sleeper;
    private final Duration perLine;

    Output(PrintStream out, PrintStream err, Sleeper sleeper, Duration total, int lines) {
        this.out = out;
        this.err = err;
        this.sleeper = sleeper;
        this.perLine = total.dividedBy(Math.max(1, lines));
    }

    void line(String text) throws InterruptedException {
        out.println(text);
        out.flush();
        sleeper.sleep(perLine);
    }

    PrintStream stream() {
        return out;
    }

    /** apt's {@code W:}, {@code E:} and {@code N:} lines go to standard error. */
    void error(String text) {
        out.flush();
        err.println(text);
        err.flush();
    }
}
