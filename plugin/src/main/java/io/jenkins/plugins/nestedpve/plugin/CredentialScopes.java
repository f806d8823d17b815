package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;

/**
 * Which credentials a build can use: builds resolve credentials through the run, which does not see System-scoped
 * ones (they are for Jenkins itself). The hosts' credentials are used by builds, so the forms offer only the
 * others, and the connection test refuses a System-scoped token that would pass there and fail in every build.
 */
final class CredentialScopes {
    private CredentialScopes() {}

    /** Whether a build can find {@code c} (everything but System scope; unscoped credentials included). */
    static boolean usableByBuilds(Credentials c) {
        return c.getScope() != CredentialsScope.SYSTEM;
    }

    /** What to do about a credential builds cannot see. */
    static String systemScopeProblem(String id, String usedFor) {
        return "Credentials '" + id + "' (" + usedFor + ") are System-scoped: Jenkins itself may use them, but builds"
                + " may not, so every nestedPveCluster step would fail to find them. Change their scope to Global.";
    }
}
