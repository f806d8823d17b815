package io.jenkins.plugins.nestedpve.cluster;

import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a user's script as root on one finished node over SSH ({@link NodeLogin}: the host key pinned to the one
 * recorded when the node was made), passing each output line on as it arrives. {@link #abort()} kills the running
 * script and closes its connection from another thread (sshj does not react to interrupts in every read); a shell
 * aborted before it connects never connects.
 */
public final class RootShell implements AutoCloseable {
    private final SshConnector ssh;
    private final String what;
    private final AtomicReference<SshSession> current = new AtomicReference<>();
    private volatile boolean aborted;

    /** @param what the command that runs scripts, for the message of a stopped one (e.g. {@code nestedPveSh}) */
    public RootShell(SshConnector ssh, String what) {
        this.ssh = Objects.requireNonNull(ssh, "ssh");
        this.what = Objects.requireNonNull(what, "what");
    }

    /**
     * Runs {@code script} on {@code node} as root with {@code password}; stdout and stderr lines go to {@code lines}.
     *
     * @throws InterruptedException when interrupted or {@link #abort() aborted}: the command was killed
     */
    public ExecResult run(NestedNode node, String password, String script, Duration timeout, Consumer<String> lines)
            throws InterruptedException {
        if (aborted) {
            throw stopped(null);
        }
        try (SshSession session = NodeLogin.open(ssh, node, SshAuth.password(password))) {
            current.set(session);
            if (aborted) {
                throw stopped(null);
            }
            ExecResult result = session.exec(script, timeout, lines::accept, lines::accept);
            if (aborted) {
                // abort() killed it: its exit status is the kill's, not the script's
                throw stopped(null);
            }
            return result;
        } catch (RuntimeException e) {
            if (aborted) {
                throw stopped(e);
            }
            throw e;
        } finally {
            current.set(null);
        }
    }

    private InterruptedException stopped(Exception cause) {
        InterruptedException e = new InterruptedException(what + " was stopped");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /**
     * Stops the command in flight: kills it with its process group on the node, then closes its channel and
     * connection. Harmless when none runs.
     */
    public void abort() {
        aborted = true;
        SshSession s = current.get();
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() {
        abort();
    }

    @Override
    public String toString() {
        return "RootShell[" + what + (aborted ? ", stopped" : "") + "]";
    }
}
