package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;

/**
 * Which scope the hosts' credentials should have. nested-pve looks them up as Jenkins itself at the root (like
 * cloud plugins), never through a build, so System scope works and is the right one: a System-scoped credential
 * is invisible to builds, so no Pipeline can read the host's API token, root SSH key or template password with
 * {@code withCredentials}. A Global-scoped one still works, but any Pipeline author can read it: the connection
 * test and the build log warn about it.
 */
final class CredentialScopes {
    private CredentialScopes() {}

    /** Whether a Pipeline could read {@code c} with {@code withCredentials} (every scope but System). */
    static boolean readableByPipelines(Credentials c) {
        return c.getScope() != CredentialsScope.SYSTEM;
    }

    /** What to do about a host credential that Pipelines can read. */
    static String globalScopeProblem(String id, String usedFor) {
        return "Credentials '" + id + "' (" + usedFor + ") are not System-scoped, so any Pipeline author can read"
                + " them with withCredentials. Change their scope to System in Manage Jenkins » Credentials:"
                + " nested-pve looks them up as Jenkins itself, builds never see them.";
    }
}
