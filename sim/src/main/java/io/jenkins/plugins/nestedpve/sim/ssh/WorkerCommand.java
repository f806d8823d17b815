package io.jenkins.plugins.nestedpve.sim.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A channel command that works on a worker thread: keeps the channel's streams and exit callback,
 * and interrupts the worker when the channel (or its session) closes.
 */
abstract class WorkerCommand implements Command {
    private final ExecutorService executor;
    protected InputStream in;
    protected OutputStream out;
    protected OutputStream err;
    protected ExitCallback callback;
    private Future<?> running;

    WorkerCommand(ExecutorService executor) {
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

    /** Runs {@code work} on a worker thread that closing the channel interrupts. */
    protected final synchronized void startWorker(ChannelSession channel, Runnable work) {
        channel.addChannelListener(new KillOnClose(this::kill));
        running = executor.submit(work);
    }

    @Override
    public abstract void start(ChannelSession channel, Environment env);

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
