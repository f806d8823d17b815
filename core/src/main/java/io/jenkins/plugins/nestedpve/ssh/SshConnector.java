package io.jenkins.plugins.nestedpve.ssh;

import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import io.jenkins.plugins.nestedpve.wait.WaitTimeoutException;
import io.jenkins.plugins.nestedpve.wait.Waiter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.keepalive.KeepAlive;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.transport.TransportException;

/**
 * Opens {@link SshSession}s with sshj: every wait bounded by {@link SshTimeouts}, the host key
 * judged by an explicit {@link HostKeyPolicy}, login by key or password.
 *
 * <pre>{@code
 * SshConnector ssh = new SshConnector(SshTimeouts.DEFAULTS, clock, sleeper);
 * try (SshSession host = ssh.connect(SshTarget.root("10.0.0.2"), key, HostKeyPolicy.pinned(List.of(pin)))) {
 *     ExecResult r = host.exec("pveversion", Duration.ofSeconds(30), log::info, log::warn);
 * }
 * }</pre>
 */
public final class SshConnector {
    /** Key-exchange failures that another attempt cannot cure. */
    private static final Set<DisconnectReason> PERMANENT = Set.of(
            DisconnectReason.KEY_EXCHANGE_FAILED,
            DisconnectReason.HOST_KEY_NOT_VERIFIABLE,
            DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED);

    private final SshTimeouts timeouts;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DefaultConfig config;

    /**
     * @param clock for command deadlines given as durations
     * @param sleeper waits between connection attempts in {@link #connectWithRetry}
     */
    public SshConnector(SshTimeouts timeouts, Clock clock, Sleeper sleeper) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.config = new DefaultConfig();
        // keep-alive requests that want a reply: a dead peer is noticed, and the replies keep the
        // socket read timeout from firing on a healthy but idle connection
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    }

    public SshTimeouts timeouts() {
        return timeouts;
    }

    /**
     * Connects once and logs in.
     *
     * @throws HostKeyRejectedException when the policy refuses the server's key (nothing was sent)
     * @throws SshAuthException when the server refuses the credentials
     * @throws SshConnectException when the server cannot be reached (refused, reset, timed out)
     * @throws SshException for other failures (unknown host, no common algorithm)
     */
    public SshSession connect(SshTarget target, SshAuth auth, HostKeyPolicy policy) {
        return connect(target, auth, policy, timeouts.connect());
    }

    /**
     * Connects to a machine that may still be booting: connection refused, reset or timed out are
     * retried with {@link SshTimeouts#retryBackoff()} until {@code deadline}; a refused host key or
     * refused credentials fail at once.
     *
     * @throws SshConnectException when the deadline passes; the message says "SSH on host:port should
     *     accept connections" and the last attempt's error is the cause
     * @throws InterruptedException when interrupted while waiting between attempts
     */
    public SshSession connectWithRetry(SshTarget target, SshAuth auth, HostKeyPolicy policy, Deadline deadline)
            throws InterruptedException {
        String expectation = "SSH on " + target.hostPort() + " should accept connections";
        AtomicReference<SshConnectException> last = new AtomicReference<>();
        try {
            return new Waiter(deadline.clock(), sleeper).until(expectation, deadline, timeouts.retryBackoff(), () -> {
                try {
                    Duration connectTimeout = deadline.cap(timeouts.connect());
                    return Optional.of(connect(target, auth, policy, connectTimeout));
                } catch (SshConnectException e) {
                    last.set(e);
                    return Optional.empty();
                }
            });
        } catch (WaitTimeoutException e) {
            SshConnectException lastError = last.get();
            String detail = lastError == null ? "" : "; last attempt: " + lastError.getMessage();
            throw new SshConnectException(target.hostPort(), e.getMessage() + detail, lastError);
        }
    }

    private SshSession connect(SshTarget target, SshAuth auth, HostKeyPolicy policy, Duration connectTimeout) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(policy, "policy");
        SSHClient client = newClient(connectTimeout);
        PolicyHostKeyVerifier verifier = new PolicyHostKeyVerifier(target, policy);
        client.addHostKeyVerifier(verifier);
        try {
            client.connect(target.host(), target.port());
        } catch (IOException e) {
            closeQuietly(client);
            throw verifier.rejection().map(SshException.class::cast).orElseGet(() -> connectFailure(target, e));
        }
        try {
            new SshLogin(client, target).authenticate(auth);
            HostKeyFingerprint hostKey = verifier.accepted().orElseThrow();
            return new SshSession(client, target, hostKey, timeouts, clock);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
    }

    private SSHClient newClient(Duration connectTimeout) {
        SSHClient client = new SSHClient(config);
        client.setSocketFactory(new NoDelaySocketFactory());
        client.setConnectTimeout(SshTimeouts.millis(connectTimeout));
        client.setTimeout(SshTimeouts.millis(timeouts.socketRead()));
        client.getTransport().setTimeoutMs(SshTimeouts.millis(timeouts.transport()));
        client.getConnection().setTimeoutMs(SshTimeouts.millis(timeouts.channel()));
        KeepAlive keepAlive = client.getConnection().getKeepAlive();
        keepAlive.setKeepAliveInterval((int) timeouts.keepAlive().toSeconds());
        if (keepAlive instanceof KeepAliveRunner runner) {
            runner.setMaxAliveCount(timeouts.keepAliveMaxMissed());
        }
        return client;
    }

    private SshException connectFailure(SshTarget target, IOException e) {
        String hostPort = target.hostPort();
        if (e instanceof UnknownHostException) {
            return new SshException("unknown host " + target.host() + ": check the address", e);
        }
        if (e instanceof TransportException t && PERMANENT.contains(t.getDisconnectReason())) {
            return new SshException(
                    "SSH handshake with " + hostPort + " failed (" + t.getDisconnectReason() + "): " + t.getMessage()
                            + "; check that the server offers a current key exchange and host key algorithm",
                    e);
        }
        return new SshConnectException(
                hostPort,
                "cannot connect to SSH on " + hostPort + ": " + describe(e)
                        + "; check that the machine is up, sshd runs and the port is reachable",
                e);
    }

    /** A short reason for a network failure; sshj wraps the socket's exception, so look at the causes. */
    static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer in time";
            }
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // the connection failed already; closing only releases the socket
        }
    }

    @Override
    public String toString() {
        return "SshConnector[" + timeouts + "]";
    }
}
