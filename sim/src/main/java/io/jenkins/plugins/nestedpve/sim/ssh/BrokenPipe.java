package io.jenkins.plugins.nestedpve.sim.ssh;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * One output of a channel's command once the channel may close. As under sshd, closing a channel does not end its
 * command: a command that writes nothing more runs on, and the next write fails as on a closed pipe, which kills it
 * (SIGPIPE): the writing thread is interrupted and the write throws {@link InterruptedIOException}.
 */
final class BrokenPipe extends FilterOutputStream {
    private final BooleanSupplier closed;

    BrokenPipe(OutputStream out, BooleanSupplier closed) {
        super(out);
        this.closed = closed;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed.getAsBoolean()) {
            throw sigpipe();
        }
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw sigpipe();
        }
    }

    @Override
    public void flush() throws IOException {
        if (closed.getAsBoolean()) {
            throw sigpipe();
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw sigpipe();
        }
    }

    private static InterruptedIOException sigpipe() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("Broken pipe");
    }
}
