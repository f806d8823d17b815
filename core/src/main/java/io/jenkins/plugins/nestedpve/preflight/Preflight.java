package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The whole preflight report for a spec, in sections: connection ({@code api}, {@code token}), the
 * spec against the host ({@link EnvironmentChecks}: node, template, storage, bridge, memory, cores,
 * VMIDs, privileges) and nesting on the host ({@link HostNesting}, over SSH when the spec allows).
 * A section runs only when the one before it passed. Read-only: it never changes the host.
 */
public final class Preflight {
    private Preflight() {}

    /**
     * @param served reads the certificate the host's API serves
     * @param client opens the host's API client (closed here)
     * @param ssh connects to the host for the nesting section
     */
    public static PreflightReport forSpec(
            ClusterSpec spec,
            HostCredentials credentials,
            Supplier<Fingerprint> served,
            Supplier<PveClient> client,
            SshConnector ssh) {
        List<PreflightItem> items = new ArrayList<>();
        PreflightItem api = ConnectionChecks.api(spec.host(), served);
        items.add(api);
        if (api.verdict() == Verdict.FAIL) {
            return new PreflightReport(items);
        }
        try (PveClient pve = client.get()) {
            PreflightItem token = ConnectionChecks.token(pve, credentials.apiTokenId(), v -> {});
            items.add(token);
            if (token.verdict() == Verdict.FAIL) {
                return new PreflightReport(items);
            }
            PreflightReport environment =
                    new EnvironmentChecks(pve, spec, Set.of()).run().report();
            items.addAll(environment.items());
            String node = spec.host().node();
            if (environment.items().stream()
                    .noneMatch(i -> i.check().equals(NodeCheck.CHECK) && i.verdict() == Verdict.FAIL)) {
                items.add(HostNesting.item(ssh, spec, credentials, () -> HostNesting.runningVms(pve, node)));
            }
        } catch (NestedPveException e) {
            items.add(PreflightItem.fail("host", "host", "the host's API failed: " + e.getMessage()));
        }
        return new PreflightReport(items);
    }
}
