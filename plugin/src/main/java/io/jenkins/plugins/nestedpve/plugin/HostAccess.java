package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.spec.HostSshTarget;
import java.util.Objects;

/**
 * A configured host as the core needs it: where it is ({@link HostRef}, with SSH when configured) and how to log
 * in. Made at the moment of use; never stored.
 *
 * @param ref the host's address, node and pins
 * @param credentials its API token (and SSH key); {@code toString} redacts them
 */
public record HostAccess(HostRef ref, HostCredentials credentials) {
    /** PVE's SSH port; the host form has no field for another one. */
    static final int HOST_SSH_PORT = 22;

    public HostAccess {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** Resolves the host's credentials through {@code resolver}. */
    public static HostAccess resolve(PveHostConfig host, CredentialsResolver resolver) throws AbortException {
        HostCredentials credentials = resolver.hostCredentials(host);
        return new HostAccess(ref(host, credentials.sshUser().orElse(null)), credentials);
    }

    /**
     * The host's reference; with SSH access when {@code sshUser} is given and a host key is pinned. Its
     * {@link HostRef#id()} depends only on the node and the API address, so the ledger finds a lease's guests
     * whether or not SSH is configured.
     */
    public static HostRef ref(PveHostConfig host, String sshUser) {
        HostRef ref = HostRef.of(host.getApiUrl(), host.getNode(), host.getFingerprint());
        if (sshUser == null || host.getSshHostKeyFingerprint() == null) {
            return ref;
        }
        return ref.withSsh(new HostSshTarget(
                PveConnectionTester.bareHost(host), HOST_SSH_PORT, sshUser, host.getSshHostKeyFingerprint()));
    }
}
