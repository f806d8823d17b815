package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.pve.NodeSummary;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.pve.PveTimeouts;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.pve.VersionInfo;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The connection test of the host form: {@code GET /version} and {@code GET /nodes} with the pinned client. A token
 * credential that is not System-scoped fails the test before any connection ({@link CredentialsResolver}).
 */
public final class PveConnectionTester implements ConnectionTester {
    /** A form button should answer within seconds, not after the client's build-time request timeout. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final CredentialsLookup lookup;
    private final SecretReader secrets;

    public PveConnectionTester(CredentialsLookup lookup, SecretReader secrets) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public Validation test(PveHostConfig host) {
        PveCredentials.ApiToken token;
        try {
            token = new CredentialsResolver(lookup, secrets)
                    .apiToken(host.getTokenCredentialsId(), "the API token of this host");
        } catch (AbortException e) {
            return Validation.error(e.getMessage());
        }
        return connect(host, token);
    }

    private static Validation connect(PveHostConfig host, PveCredentials.ApiToken token) {
        try (PveClient client = PveClient.builder()
                .host(bareHost(host))
                .port(host.apiPort())
                .node(host.getNode())
                .fingerprint(host.getFingerprint())
                .credentials(token)
                .timeouts(PveTimeouts.DEFAULTS.withConnect(CONNECT_TIMEOUT).withRequest(REQUEST_TIMEOUT))
                // one attempt: the administrator is waiting for the answer and can press the button again
                .retryPolicy(RetryPolicy.NONE)
                .build()) {
            VersionInfo version = client.version();
            return describe(token, version, host.getNode(), client.nodes());
        } catch (NestedPveException | IllegalArgumentException e) {
            // the core's messages say what failed and what to do, and never contain the token secret
            return Validation.error(e.getMessage());
        }
    }

    private static Validation describe(
            PveCredentials.ApiToken token, VersionInfo version, String node, List<NodeSummary> nodes) {
        String connected = "Connected as " + token.principal() + " to PVE " + version.version();
        Optional<NodeSummary> match =
                nodes.stream().filter(n -> n.node().equals(node)).findFirst();
        if (match.isEmpty()) {
            String names = nodes.stream().map(NodeSummary::node).collect(Collectors.joining(", "));
            return Validation.error(connected + ", but there is no node '" + node + "' (nodes: " + names
                    + "); enter the node name as PVE shows it.");
        }
        if (!"online".equals(match.get().status())) {
            return Validation.warning(
                    connected + "; node '" + node + "' is " + match.get().status() + ".");
        }
        return Validation.ok(connected + "; node '" + node + "' is online.");
    }

    /** The host of the API URL, without the brackets of an IPv6 literal. */
    static String bareHost(PveHostConfig host) {
        return bareHost(host.apiUri());
    }

    /** The host of {@code uri}, without the brackets of an IPv6 literal. */
    static String bareHost(java.net.URI uri) {
        return io.jenkins.plugins.nestedpve.lifecycle.HostClients.bareHost(uri);
    }
}
