package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.cluster.NodeLogin;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a script as root on one guest over SSH, streaming each output line to the build log as it arrives. The
 * guest's host key is pinned to the fingerprint the cluster context recorded ({@link NodeLogin}). {@link #abort()} kills the running
 * script and closes its connection from another thread (sshj does not react to interrupts in every read).
 */
final class GuestShell implements AutoCloseable {
    private final SshConnector ssh;
    private final PrintStream log;
    private final AtomicReference<SshSession> current = new AtomicReference<>();
    private volatile boolean aborted;

    GuestShell(SshConnector ssh, PrintStream log) {
        this.ssh = Objects.requireNonNull(ssh, "ssh");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Runs {@code script} on {@code node} as root with {@code password}.
     *
     * @param prefix put before each output line (e.g. {@code [np-k3x9q2-n2] }), or empty
     * @throws InterruptedException when interrupted or {@link #abort() aborted}: the command was killed
     */
    ExecResult run(NestedPveClusterContext.Node node, String password, String script, Duration timeout, String prefix)
            throws InterruptedException {
        try (SshSession session = NodeLogin.open(
                ssh,
                node.getName(),
                node.getAddress(),
                node.getSshPort(),
                node.getSshHostKeyFingerprint(),
                SshAuth.password(password))) {
            current.set(session);
            if (aborted) {
                throw new InterruptedException("nestedPveSh was stopped");
            }
            ExecResult result = session.exec(
                    script, timeout, line -> log.println(prefix + line), line -> log.println(prefix + line));
            if (aborted) {
                // abort() killed it: its exit status is the kill's, not the script's
                throw new InterruptedException("nestedPveSh was stopped");
            }
            return result;
        } catch (RuntimeException e) {
            if (aborted) {
                InterruptedException stopped = new InterruptedException("nestedPveSh was stopped");
                stopped.initCause(e);
                throw stopped;
            }
            throw e;
        } finally {
            current.set(null);
        }
    }

    /**
     * Stops the command in flight: kills it with its process group on the guest, then closes its channel and
     * connection. Harmless when none runs.
     */
    void abort() {
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
}
