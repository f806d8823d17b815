package io.jenkins.plugins.nestedpve.pve.testsupport;

import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveClientBuilder;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Duration;

/**
 * Clients for a running {@link Simulator}. Simulated time is scaled down, so the production
 * sleeper is used with short poll and retry backoffs.
 */
public final class SimClients {
    /** Task polls: 5 ms doubling up to 100 ms. */
    public static final Backoff FAST_POLL = new Backoff(Duration.ofMillis(5), 2.0, Duration.ofMillis(100));

    /** Retries: 10 ms doubling up to 100 ms, four attempts. */
    public static final RetryPolicy FAST_RETRY =
            new RetryPolicy(4, new Backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(100)));

    private SimClients() {}

    /** A builder aimed at the simulated host, without credentials. */
    public static PveClientBuilder host(Simulator sim) {
        return PveClient.builder()
                .host(sim.hostAddress())
                .port(sim.apiPort())
                .node(sim.hostNode())
                .fingerprint(sim.fingerprint())
                .sleeper(Sleeper.SYSTEM)
                .taskPoll(FAST_POLL)
                .retryPolicy(FAST_RETRY);
    }

    /** The host's CI token ({@code ci@pve!nested}, privsep with the practical role set). */
    public static PveClient token(Simulator sim) {
        return host(sim)
                .credentials(PveCredentials.ApiToken.of(sim.tokenId(), sim.tokenSecret()))
                .build();
    }

    /** A root@pam ticket on the host. */
    public static PveClient rootTicket(Simulator sim) {
        return host(sim)
                .credentials(PveCredentials.rootTicket(sim.hostRootPassword()))
                .build();
    }
}
