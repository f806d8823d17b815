package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.HostRef;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.pve.PveEndpoint;
import java.net.URI;
import java.time.Clock;

/** Opens the physical host's API client from a spec's {@link HostRef} and token. */
final class HostApi {
    private HostApi() {}

    static String host(HostRef ref) {
        return ref.apiUri().getHost();
    }

    static int port(HostRef ref) {
        URI uri = ref.apiUri();
        return uri.getPort() < 0 ? PveEndpoint.DEFAULT_PORT : uri.getPort();
    }

    static PveClient open(HostRef ref, HostCredentials credentials, Clock clock) {
        return PveClient.builder()
                .host(host(ref))
                .port(port(ref))
                .node(ref.node())
                .fingerprint(ref.apiFingerprint())
                .credentials(PveCredentials.ApiToken.of(
                        credentials.apiTokenId(), credentials.apiTokenSecret().reveal()))
                .clock(clock)
                .build();
    }
}
