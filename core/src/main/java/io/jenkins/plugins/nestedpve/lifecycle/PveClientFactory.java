package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.pve.RequestTrace;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Opens {@link PveClient}s for the engine: the physical host (API token) and each guest (root@pam
 * ticket, pinned to the guest's current certificate). One seam so that callers choose retry and
 * polling behaviour in one place.
 */
@FunctionalInterface
public interface PveClientFactory {
    /**
     * Opens a client.
     *
     * @param host host name or IP address
     * @param port API port
     * @param node the PVE node name behind the address, or null when not known
     * @param pin the SHA-256 fingerprint the server's certificate must have
     * @param credentials token or ticket credentials
     */
    PveClient connect(String host, int port, String node, Fingerprint pin, PveCredentials credentials);

    /** Clients with the given clock and sleeper and the client's default retries and task polling. */
    static PveClientFactory standard(Clock clock, Sleeper sleeper) {
        return standard(clock, sleeper, RetryPolicy.DEFAULT, Backoff.TASK_POLL);
    }

    /** Clients with the given clock, sleeper, retry policy and task poll backoff. */
    static PveClientFactory standard(Clock clock, Sleeper sleeper, RetryPolicy retry, Backoff taskPoll) {
        return standard(clock, sleeper, retry, taskPoll, (server, trace) -> {});
    }

    /**
     * As {@link #standard(Clock, Sleeper, RetryPolicy, Backoff)}; every HTTP exchange of every client
     * also goes to {@code trace} with the server as {@code host:port} (secrets redacted, see {@link
     * RequestTrace}), e.g. for a client-side request log.
     */
    static PveClientFactory standard(
            Clock clock, Sleeper sleeper, RetryPolicy retry, Backoff taskPoll, BiConsumer<String, RequestTrace> trace) {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(taskPoll, "taskPoll");
        return (host, port, node, pin, credentials) -> PveClient.builder()
                .host(host)
                .port(port)
                .node(node)
                .fingerprint(pin)
                .credentials(credentials)
                .clock(clock)
                .sleeper(sleeper)
                .retryPolicy(retry)
                .taskPoll(taskPoll)
                .listener(t -> trace.accept(host + ":" + port, t))
                .build();
    }
}
