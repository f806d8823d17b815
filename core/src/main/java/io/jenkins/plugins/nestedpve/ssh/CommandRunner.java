package io.jenkins.plugins.nestedpve.ssh;

import java.time.Duration;

/**
 * Runs one shell command on a remote machine and waits for it. The seam between the SSH transport
 * and the code that needs remote commands (nesting preflight, guest identity, checks), so the
 * latter can be tested without a network.
 */
@FunctionalInterface
public interface CommandRunner {
    /**
     * Runs {@code command} (a shell command line; quote every argument with {@link ShellQuote})
     * and returns its exit status and output. A non-zero exit is a result, not an exception.
     *
     * @param timeout the command is killed and an {@link SshException} thrown when it runs longer
     * @throws InterruptedException when the calling thread is interrupted (the command is killed)
     */
    ExecResult run(String command, Duration timeout) throws InterruptedException;

    /**
     * Runs {@code command}, declared idempotent: running it twice has the effect of running it once (a
     * read, or a write that sets a file's whole content). A runner that can reconnect ({@link
     * ResilientShell}) runs it again on a new connection when the connection drops; a plain one runs it
     * once, like {@link #run}.
     */
    default ExecResult runIdempotent(String command, Duration timeout) throws InterruptedException {
        return run(command, timeout);
    }
}
