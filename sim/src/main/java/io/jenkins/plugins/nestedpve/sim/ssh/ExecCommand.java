package io.jenkins.plugins.nestedpve.sim.ssh;

import io.jenkins.plugins.nestedpve.sim.shell.Shell;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exec request: runs the command line in the machine's {@link Shell} on a worker thread and
 * reports its exit status. As under sshd, closing the channel does not end the command (see
 * {@link WorkerCommand}).
 */
final class ExecCommand extends WorkerCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ExecCommand.class);
    /** Exit status of a command killed by SIGTERM (128 + 15), as a shell reports it. */
    private static final int KILLED = 143;
    /** {@code printf '<header> %s\n' "$$" >&2; }: how nested-pve's client learns the shell's process id. */
    private static final java.util.regex.Pattern PID_HEADER =
            java.util.regex.Pattern.compile("^printf 'nestedpve-pid-[0-9a-f]+ %s\\\\n' \"\\$\\$\" >&2; ");

    private final String commandLine;
    private final Shell shell;
    private final Function<String, ExecFault> faults;

    ExecCommand(String commandLine, Shell shell, ExecutorService executor, Function<String, ExecFault> faults) {
        super(executor);
        this.commandLine = commandLine;
        this.shell = shell;
        this.faults = faults;
    }

    @Override
    public synchronized void start(ChannelSession channel, Environment env) {
        ExecFault fault = faults.apply(userCommand(commandLine));
        if (fault == ExecFault.DROP_BEFORE_RUN) {
            cut(channel);
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>(env.getEnv());
        startWorker(channel, () -> run(channel, vars, fault));
    }

    private void run(ChannelSession channel, Map<String, String> vars, ExecFault fault) {
        int status;
        try {
            status = shell.exec(commandLine, in, out, err, vars);
        } catch (InterruptedException e) {
            // killed (its process group, a write to its closed channel, the simulator stopping): report it like a
            // terminated process
            callback.onExit(KILLED, "killed", true);
            return;
        } catch (RuntimeException e) {
            // only the program name: the rest of a command line may carry a secret
            LOG.warn(
                    "simulated program '{}' failed unexpectedly",
                    userCommand(commandLine).trim().split("\\s+", 2)[0],
                    e);
            PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
            stderr.println("bash: simulator error: " + e);
            status = 70;
        }
        try {
            out.flush();
            err.flush();
        } catch (IOException e) {
            return;
        }
        if (fault == ExecFault.DROP_AFTER_RUN) {
            cut(channel);
        } else {
            callback.onExit(status);
        }
    }

    /** The command line without the process id header nested-pve's client puts first. */
    static String userCommand(String commandLine) {
        return PID_HEADER.matcher(commandLine).replaceFirst("");
    }

    /** Drops the whole connection at once, as a network cut or crash would. */
    private static void cut(ChannelSession channel) {
        channel.getSession().close(true);
    }
}
