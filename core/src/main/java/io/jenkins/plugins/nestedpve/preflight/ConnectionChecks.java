package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveAuthException;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.TofuFingerprintProbe;
import io.jenkins.plugins.nestedpve.pve.VersionInfo;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The connection section of the preflight: the API answers with the pinned certificate, the token is accepted. */
public final class ConnectionChecks {
    private ConnectionChecks() {}

    /**
     * {@code api}: the served certificate is the pinned one (the served fingerprint is shown when it is not).
     *
     * @param served reads the certificate the API serves, e.g. {@link TofuFingerprintProbe}
     */
    public static PreflightItem api(HostRef host, Supplier<Fingerprint> served) {
        Fingerprint found;
        try {
            found = served.get();
        } catch (NestedPveException e) {
            return PreflightItem.fail("api", "host.apiUrl", "cannot reach " + host.apiUrl() + ": " + e.getMessage());
        }
        if (!found.matches(Fingerprint.parse(host.apiFingerprint()))) {
            return PreflightItem.fail(
                    "api",
                    "host.fingerprint",
                    host.apiUrl() + " serves a certificate with fingerprint\n" + found.value()
                            + "\nbut host.fingerprint is\n"
                            + host.apiFingerprint().toUpperCase(Locale.ROOT)
                            + "\nIf the served one is your host's (compare with 'pvenode cert info' on the host), set"
                            + " host.fingerprint to it; otherwise something else answers at this address.");
        }
        return PreflightItem.pass("api", host.apiUrl() + " answers with the pinned certificate");
    }

    /**
     * {@code token}: {@code GET /version} with the token.
     *
     * @param version receives the version when the token is accepted
     */
    public static PreflightItem token(PveClient pve, String tokenId, Consumer<VersionInfo> version) {
        try {
            VersionInfo v = pve.version();
            version.accept(v);
            return PreflightItem.pass("token", "Connected as " + tokenId + " to PVE " + v.version());
        } catch (PveAuthException e) {
            return PreflightItem.fail(
                    "token",
                    "host.apiToken",
                    "the host refused " + tokenId + " (" + e.getMessage() + ") — check the token id and its secret;"
                            + " create a token with 'pveum user token add'");
        } catch (NestedPveException e) {
            return PreflightItem.fail(
                    "token", "host.apiToken", "calling the API as " + tokenId + " failed: " + e.getMessage());
        }
    }

    /** The connection section without a spec: token, then the node (the plugin's "Test connection"). */
    public static PreflightReport connection(PveClient pve, String tokenId, String node) {
        PreflightItem token = token(pve, tokenId, v -> {});
        if (token.verdict() == Verdict.FAIL) {
            return new PreflightReport(List.of(token));
        }
        return new PreflightReport(List.of(token, NodeCheck.item(pve.nodes(), node)));
    }
}
