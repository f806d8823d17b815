package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.Run;
import java.util.Objects;

/**
 * Where credentials come from: through the build while one runs (usage is tracked), otherwise the global store as
 * the system (safety nets after a build ended). A seam so that steps are testable offline.
 *
 * @param global the lookup outside a build
 * @param inBuild the lookup for one build
 * @param reader reveals the secrets of the credentials found
 */
public record CredentialsAccess(CredentialsLookup global, BuildLookup inBuild, SecretReader reader) {
    /** Makes the lookup of one build. */
    @FunctionalInterface
    public interface BuildLookup {
        CredentialsLookup forBuild(Run<?, ?> run);
    }

    public CredentialsAccess {
        Objects.requireNonNull(global, "global");
        Objects.requireNonNull(inBuild, "inBuild");
        Objects.requireNonNull(reader, "reader");
    }

    /** {@link CredentialsLookup#global()}, {@link CredentialsLookup#forBuild(Run)} and {@link SecretReader#jenkins()}. */
    public static CredentialsAccess jenkins() {
        return new CredentialsAccess(CredentialsLookup.global(), CredentialsLookup::forBuild, SecretReader.jenkins());
    }

    /** The resolver of one build. */
    public CredentialsResolver forBuild(Run<?, ?> run) {
        return new CredentialsResolver(inBuild.forBuild(run), reader);
    }

    /** The resolver outside a build. */
    public CredentialsResolver outsideBuilds() {
        return new CredentialsResolver(global, reader);
    }
}
