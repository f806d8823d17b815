package io.jenkins.plugins.nestedpve.sim.shell;

import java.io.InputStream;
import java.io.PrintStream;

/** The three standard streams of a running command. */
record Io(InputStream in, PrintStream out, PrintStream err) {
    Io withIn(InputStream newIn) {
        return new Io(newIn, out, err);
    }

    Io withOut(PrintStream newOut) {
        return new Io(in, newOut, err);
    }

    void flush() {
        out.flush();
        err.flush();
    }
}
