package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A build log in memory; {@link #decorated} gives the log as a step inside a block sees it. */
final class FakeListener implements TaskListener {
    private static final long serialVersionUID = 1L;

    private final transient ByteArrayOutputStream bytes;
    private final transient PrintStream logger;

    FakeListener() {
        this.bytes = new ByteArrayOutputStream();
        this.logger = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private FakeListener(ByteArrayOutputStream bytes, OutputStream out) {
        this.bytes = bytes;
        this.logger = new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    /** The same log, written through {@code out} (e.g. a console log filter's stream). */
    FakeListener decorated(OutputStream out) {
        return new FakeListener(bytes, out);
    }

    /** The underlying log, for decorating. */
    OutputStream raw() {
        return bytes;
    }

    @Override
    public PrintStream getLogger() {
        return logger;
    }

    String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
