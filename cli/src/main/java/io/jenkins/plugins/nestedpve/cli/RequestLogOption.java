package io.jenkins.plugins.nestedpve.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --request-log FILE} of the commands that talk to a PVE host. */
final class RequestLogOption {
    @Option(
            names = "--request-log",
            paramLabel = "FILE",
            description = "Append every API request this command sends (to the host and the guests) as JSON lines"
                    + " to FILE: method, path, parameters (secrets masked), status, time.")
    Path file;

    /** The log, or {@link ClientRequestLog#NONE} without the option. */
    ClientRequestLog open(CliContext ctx) {
        return file == null ? ClientRequestLog.NONE : ClientRequestLog.open(ctx.resolve(file.toString()), ctx.clock());
    }
}
