package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.pve.PveEndpoint;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.net.URI;

/**
 * Opens the API client of the physical host from a {@link HostRef} and its token: the one way the
 * engine, the CLI and the Jenkins plugin reach the host (pinned fingerprint, token auth).
 */
public final class HostClients {
    private HostClients() {}

    /** A client of {@code host} made by {@code factory}, authenticated with the host's API token. */
    public static PveClient open(PveClientFactory factory, HostRef host, HostCredentials credentials) {
        URI uri = host.apiUri();
        PveCredentials token = PveCredentials.ApiToken.of(
                credentials.apiTokenId(), credentials.apiTokenSecret().reveal());
        return factory.connect(bareHost(uri), port(uri), host.node(), Fingerprint.parse(host.apiFingerprint()), token);
    }

    /** The host of {@code uri}, without the brackets of an IPv6 literal (sockets want the bare address). */
    public static String bareHost(URI uri) {
        String h = uri.getHost();
        return h != null && h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** The port of {@code uri}, PVE's 8006 when it names none. */
    public static int port(URI uri) {
        return uri.getPort() < 0 ? PveEndpoint.DEFAULT_PORT : uri.getPort();
    }
}
