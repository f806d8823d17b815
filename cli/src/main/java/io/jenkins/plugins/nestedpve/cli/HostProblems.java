package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.pve.FingerprintMismatchException;
import io.jenkins.plugins.nestedpve.pve.PveAuthException;
import io.jenkins.plugins.nestedpve.pve.PveTransportException;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.util.Optional;

/**
 * Reads a failure of the first phase (validate, which creates nothing) as a problem of the spec's
 * {@code host} section: the API cannot be reached ({@code host.apiUrl}), serves another certificate
 * ({@code host.fingerprint}) or rejects the token ({@code host.tokenId}). These are configuration
 * errors (exit 2), not failed provisionings.
 */
final class HostProblems {
    private HostProblems() {}

    /** The spec problem behind {@code e}, when it failed validation for one of those reasons. */
    static Optional<SpecProblem> of(ProvisioningException e) {
        if (e.phase() != Phase.VALIDATE) {
            return Optional.empty();
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof FingerprintMismatchException) {
                return Optional.of(new SpecProblem("host.fingerprint", t.getMessage()));
            }
            if (t instanceof PveAuthException) {
                return Optional.of(new SpecProblem(
                        "host.tokenId", t.getMessage() + " (the secret comes from host.tokenEnv or host.tokenFile)"));
            }
            if (t instanceof PveTransportException transport && transport.nothingSent()) {
                return Optional.of(new SpecProblem("host.apiUrl", t.getMessage()));
            }
        }
        return Optional.empty();
    }
}
