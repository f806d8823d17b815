package io.jenkins.plugins.nestedpve.sim.ssh;

import io.jenkins.plugins.nestedpve.sim.shell.Shell;
import io.jenkins.plugins.nestedpve.sim.shell.ShellSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * A shell channel without a TTY: reads lines from the client, runs each complete input in one
 * {@link ShellSession} (no prompt, no echo), ends at {@code exit} or end of input.
 */
final class ShellChannelCommand extends WorkerCommand {
    private final Shell shell;

    ShellChannelCommand(Shell shell, ExecutorService executor) {
        super(executor);
        this.shell = shell;
    }

    @Override
    public synchronized void start(ChannelSession channel, Environment env) {
        ShellSession session = shell.session(new LinkedHashMap<>(env.getEnv()), out, err);
        startWorker(channel, () -> loop(session));
    }

    private void loop(ShellSession session) {
        StringBuilder pending = new StringBuilder();
        try {
            String line;
            while ((line = readLine()) != null) {
                pending.append(line).append('\n');
                if (!ShellSession.isComplete(pending.toString())) {
                    continue;
                }
                session.run(pending.toString(), in);
                pending.setLength(0);
                if (session.exited()) {
                    break;
                }
            }
            callback.onExit(session.lastStatus());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            callback.onExit(255, e.getMessage());
        } catch (RuntimeException e) {
            callback.onExit(70, "simulator error: " + e.getClass().getSimpleName());
        }
    }

    /** One line of input without its newline; null at end of input. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }
}
