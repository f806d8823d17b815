package io.jenkins.plugins.nestedpve.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.nestedpve.pve.RequestTrace;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.function.BiConsumer;

/**
 * The client-side request log of {@code --request-log}: one JSON line per HTTP exchange with a PVE
 * API (the host and the guests), appended to a file: time, server, method, path, parameters (secret
 * values masked by {@link RequestTrace}), status (0: no answer), milliseconds and attempt. Never a
 * header, a body or a secret. Thread-safe; closing twice is harmless.
 */
final class ClientRequestLog implements BiConsumer<String, RequestTrace>, AutoCloseable {
    /** Logs nothing. */
    static final ClientRequestLog NONE = new ClientRequestLog(null, null);

    private final Writer out;
    private final Clock clock;

    private ClientRequestLog(Writer out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /**
     * Opens {@code file} for appending.
     *
     * @throws CliException (exit 2) when it cannot be opened
     */
    static ClientRequestLog open(Path file, Clock clock) {
        try {
            return new ClientRequestLog(
                    Files.newBufferedWriter(
                            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    clock);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "--request-log: cannot open " + file + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void accept(String server, RequestTrace t) {
        if (out == null) {
            return;
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("ts", clock.instant().toString());
        o.put("server", server);
        o.put("method", t.method());
        o.put("path", t.path());
        o.put("params", t.params());
        o.put("status", t.status());
        o.put("millis", t.millis());
        o.put("attempt", t.attempt());
        try {
            out.write(o.toString());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // a full disk must not fail the provisioning; the log just ends here
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // nothing more to write
            }
        }
    }
}
