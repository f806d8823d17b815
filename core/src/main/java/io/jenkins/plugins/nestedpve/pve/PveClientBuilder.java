package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds a {@link PveClient}: host, fingerprint and credentials are required; everything is
 * validated once in {@link #build()}.
 *
 * <pre>{@code
 * try (PveClient pve = PveClient.builder()
 *         .host("pve.lab").fingerprint("AB:CD:...")
 *         .credentials(PveCredentials.apiToken("ci@pve!jenkins=0123abcd-..."))
 *         .build()) { ... }
 * }</pre>
 */
public final class PveClientBuilder {
    private String host;
    private int port = PveEndpoint.DEFAULT_PORT;
    private String node;
    private Fingerprint fingerprint;
    private String fingerprintText;
    private PveCredentials credentials;
    private PveTimeouts timeouts = PveTimeouts.DEFAULTS;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Backoff taskPoll = Backoff.TASK_POLL;
    private PveClient.Listener listener = PveClient.Listener.NONE;

    PveClientBuilder() {}

    /** Starts from an existing endpoint (e.g. to re-pin after a cluster join). */
    public PveClientBuilder endpoint(PveEndpoint e) {
        this.host = e.host();
        this.port = e.port();
        this.node = e.node();
        this.fingerprint = e.fingerprint();
        this.fingerprintText = null;
        this.credentials = e.credentials();
        this.timeouts = e.timeouts();
        return this;
    }

    /** Host name or IP address of the PVE API. */
    public PveClientBuilder host(String host) {
        this.host = host;
        return this;
    }

    /** API port; default 8006. */
    public PveClientBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** The node name behind the address, when known. */
    public PveClientBuilder node(String node) {
        this.node = node;
        return this;
    }

    /** The pinned SHA-256 fingerprint, {@code AA:BB:...} in either case; checked in {@link #build()}. */
    public PveClientBuilder fingerprint(String fingerprint) {
        this.fingerprintText = fingerprint;
        this.fingerprint = null;
        return this;
    }

    public PveClientBuilder fingerprint(Fingerprint fingerprint) {
        this.fingerprint = fingerprint;
        this.fingerprintText = null;
        return this;
    }

    public PveClientBuilder credentials(PveCredentials credentials) {
        this.credentials = credentials;
        return this;
    }

    public PveClientBuilder timeouts(PveTimeouts timeouts) {
        this.timeouts = timeouts;
        return this;
    }

    /** The clock for ticket age and task deadlines; default the system UTC clock. */
    public PveClientBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** How the client waits between retries and task polls; default {@link Sleeper#SYSTEM}. */
    public PveClientBuilder sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    public PveClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
        return this;
    }

    /** Backoff between task status polls; default {@link Backoff#TASK_POLL}. */
    public PveClientBuilder taskPoll(Backoff taskPoll) {
        this.taskPoll = taskPoll;
        return this;
    }

    /** Receives a trace of every HTTP exchange (secrets redacted); default none. */
    public PveClientBuilder listener(PveClient.Listener listener) {
        this.listener = listener;
        return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the missing or malformed setting
     */
    public PveClient build() {
        if (host == null) {
            throw new IllegalArgumentException("PVE host is required (host name or IP of the PVE API)");
        }
        Fingerprint fp =
                fingerprint != null ? fingerprint : fingerprintText != null ? Fingerprint.parse(fingerprintText) : null;
        if (fp == null) {
            throw new IllegalArgumentException("the SHA-256 fingerprint of " + host + "'s certificate is required:"
                    + " TLS is verified only by pinning. Read it on the host with `pvenode cert info`.");
        }
        if (credentials == null) {
            throw new IllegalArgumentException("credentials for " + host + " are required: an API token"
                    + " (user@realm!tokenid=secret) or a user and password for a ticket");
        }
        PveEndpoint endpoint = new PveEndpoint(host, port, node, fp, credentials, timeouts);
        return new PveClient(
                endpoint,
                Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(sleeper, "sleeper"),
                Objects.requireNonNull(retryPolicy, "retryPolicy"),
                Objects.requireNonNull(taskPoll, "taskPoll"),
                Objects.requireNonNull(listener, "listener"));
    }
}
