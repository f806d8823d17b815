package io.jenkins.plugins.nestedpve.plugin;

import java.util.Objects;

/**
 * Where the hosts' credentials come from: the root store, as the system, during builds and outside them alike;
 * never through a build, so they can be System-scoped and invisible to Pipelines. Which jobs may use a host is
 * the host's "Allowed jobs" setting. A seam so that steps are testable offline.
 *
 * @param system the lookup as the system at the Jenkins root
 * @param reader reveals the secrets of the credentials found
 */
public record CredentialsAccess(CredentialsLookup system, SecretReader reader) {
    public CredentialsAccess {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(reader, "reader");
    }

    /** {@link CredentialsLookup#global()} and {@link SecretReader#jenkins()}. */
    public static CredentialsAccess jenkins() {
        return new CredentialsAccess(CredentialsLookup.global(), SecretReader.jenkins());
    }

    /** The resolver of the hosts' credentials. */
    public CredentialsResolver resolver() {
        return new CredentialsResolver(system, reader);
    }
}
