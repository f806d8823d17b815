package io.jenkins.plugins.nestedpve.sim.ssh;

import io.jenkins.plugins.nestedpve.sim.shell.Shell;
import io.jenkins.plugins.nestedpve.sim.shell.ShellSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A shell channel without a TTY: reads lines from the client, runs each complete input in one
 * {@link ShellSession} (no prompt, no echo), ends at {@code exit} or end of input.
 */
final class ShellChannelCommand implements Command {
    private final Shell shell;
    private final ExecutorService executor;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback callback;
    private Future<?> running;

    ShellChannelCommand(Shell shell, ExecutorService executor) {
        this.shell = shell;
        this.executor = executor;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.callback = callback;
    }

    @Override
    public synchronized void start(ChannelSession channel, Environment env) {
        ShellSession session = shell.session(new LinkedHashMap<>(env.getEnv()), out, err);
        channel.addChannelListener(new KillOnClose(this::kill));
        running = executor.submit(() -> loop(session));
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

    @Override
    public void destroy(ChannelSession channel) {
        kill();
    }

    private synchronized void kill() {
        if (running != null) {
            running.cancel(true);
        }
    }
}
