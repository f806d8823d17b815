package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import io.jenkins.plugins.nestedpve.ssh.SshTarget;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a script as root on one guest over SSH, streaming each output line to the build log as it arrives. The
 * guest's host key is pinned to the fingerprint the cluster context recorded. {@link #abort()} kills the running
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
        SshTarget target = new SshTarget(node.getAddress(), node.getSshPort(), "root");
        try (SshSession session = ssh.connect(target, SshAuth.password(password), policy(node))) {
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

    private HostKeyPolicy policy(NestedPveClusterContext.Node node) {
        String pin = node.getSshHostKeyFingerprint();
        if (pin == null || pin.isBlank()) {
            // the root password goes over this connection: never to a host key nobody pinned
            throw new IllegalStateException("nestedPveSh: no SSH host key is recorded for " + node.getName()
                    + "; refusing to send its root password to an unverified host. Run the step inside the"
                    + " nestedPveCluster block that created the node");
        }
        return HostKeyPolicy.pinned(List.of(pin));
    }
}
