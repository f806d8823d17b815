package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.HostRef;
import io.jenkins.plugins.nestedpve.lifecycle.HostClients;
import io.jenkins.plugins.nestedpve.lifecycle.PveClientFactory;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;

/** Opens the physical host's API client from a spec's {@link HostRef} and token, as the engine does. */
final class HostApi {
    private HostApi() {}

    static String host(HostRef ref) {
        return HostClients.bareHost(ref.apiUri());
    }

    static int port(HostRef ref) {
        return HostClients.port(ref.apiUri());
    }

    static PveClient open(HostRef ref, HostCredentials credentials, Clock clock) {
        return HostClients.open(PveClientFactory.standard(clock, Sleeper.SYSTEM), ref, credentials);
    }
}
