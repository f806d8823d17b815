package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.lifecycle.HostClients;
import io.jenkins.plugins.nestedpve.lifecycle.PveClientFactory;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.RequestTrace;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.util.function.BiConsumer;

/** Opens the physical host's API client from a spec's {@link HostRef} and token, as the engine does. */
final class HostApi {
    private HostApi() {}

    static String host(HostRef ref) {
        return HostClients.bareHost(ref.apiUri());
    }

    static int port(HostRef ref) {
        return HostClients.port(ref.apiUri());
    }

    /** @param trace receives every HTTP exchange (the {@code --request-log}) */
    static PveClient open(
            HostRef ref, HostCredentials credentials, Clock clock, BiConsumer<String, RequestTrace> trace) {
        return HostClients.open(
                PveClientFactory.standard(clock, Sleeper.SYSTEM, RetryPolicy.DEFAULT, Backoff.TASK_POLL, trace),
                ref,
                credentials);
    }
}
