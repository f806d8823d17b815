package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.preflight.ConnectionChecks;
import io.jenkins.plugins.nestedpve.preflight.PreflightItem;
import io.jenkins.plugins.nestedpve.preflight.PreflightReport;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.pve.PveTimeouts;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The connection test of the host form: the preflight report's connection section ({@link ConnectionChecks}: the
 * token with {@code GET /version}, the node with {@code GET /nodes}) with the pinned client. A token credential that
 * is not System-scoped fails the test before any connection ({@link CredentialsResolver}).
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
            return render(ConnectionChecks.connection(client, token.principal(), host.getNode()));
        } catch (NestedPveException | IllegalArgumentException e) {
            // the core's messages say what failed and what to do, and never contain the token secret
            return Validation.error(e.getMessage());
        }
    }

    /** The preflight report's connection section as one form answer: its worst verdict, its items' messages. */
    static Validation render(PreflightReport report) {
        String text = report.items().stream().map(PreflightItem::message).collect(Collectors.joining("; ")) + ".";
        if (report.failed()) {
            return Validation.error(text);
        }
        return report.warnings().isEmpty() ? Validation.ok(text) : Validation.warning(text);
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
