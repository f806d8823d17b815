package io.jenkins.plugins.nestedpve.sim.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A channel command that works on a worker thread: keeps the channel's streams and exit callback. As
 * under sshd, closing the channel (or its session) does not stop the command: its outputs become
 * {@link BrokenPipe broken pipes}, so it ends at its next write, or when {@code kill} ends its process
 * group, or with the simulator.
 */
abstract class WorkerCommand implements Command {
    private final ExecutorService executor;
    protected InputStream in;
    protected OutputStream out;
    protected OutputStream err;
    protected ExitCallback callback;
    private volatile boolean channelClosed;

    WorkerCommand(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = new BrokenPipe(out, () -> channelClosed);
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = new BrokenPipe(err, () -> channelClosed);
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.callback = callback;
    }

    /** Runs {@code work} on a worker thread; the simulator's shutdown interrupts it. */
    protected final synchronized void startWorker(ChannelSession channel, Runnable work) {
        executor.execute(work);
    }

    @Override
    public abstract void start(ChannelSession channel, Environment env);

    /** The channel closed: the command goes on, with its outputs broken. */
    @Override
    public void destroy(ChannelSession channel) {
        channelClosed = true;
    }
}
