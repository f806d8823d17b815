package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.HostRef;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.pve.PveEndpoint;
import java.net.URI;

/** Opens the API client of the physical host from a {@link HostRef} and its token. */
final class HostClients {
    private HostClients() {}

    static PveClient open(PveClientFactory factory, HostRef host, HostCredentials credentials) {
        URI uri = host.apiUri();
        int port = uri.getPort() < 0 ? PveEndpoint.DEFAULT_PORT : uri.getPort();
        PveCredentials token = PveCredentials.ApiToken.of(
                credentials.apiTokenId(), credentials.apiTokenSecret().reveal());
        return factory.connect(uri.getHost(), port, host.node(), Fingerprint.parse(host.apiFingerprint()), token);
    }
}
