package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsScope;

/**
 * The hosts' credentials must be System-scoped. nested-pve looks them up as Jenkins itself at the root (like cloud
 * plugins), never through a build; a System-scoped credential is invisible to builds, so no Pipeline can read the
 * host's API token or root SSH key with {@code withCredentials}. Any other scope is refused: a Global-scoped
 * credential can be read by every Pipeline author.
 */
final class CredentialScopes {
    /** Matches System-scoped credentials only: what the host form's drop-downs list. */
    static final CredentialsMatcher SYSTEM_ONLY = CredentialScopes::systemScoped;

    private CredentialScopes() {}

    /** Whether {@code c} is System-scoped, so no build can see it. */
    static boolean systemScoped(Credentials c) {
        return c != null && c.getScope() == CredentialsScope.SYSTEM;
    }

    /** Why a host credential of another scope is refused, and what to change. */
    static String notSystemScoped(String id, String usedFor, CredentialsScope scope) {
        return "Credentials '" + id + "' (" + usedFor + ") are " + describe(scope) + ", so any Pipeline author could"
                + " read them with withCredentials; nested-pve refuses them. In Manage Jenkins » Credentials, edit"
                + " credential '" + id + "' and change its scope to System (Jenkins only): nested-pve looks it up as"
                + " Jenkins itself, builds never see it.";
    }

    private static String describe(CredentialsScope scope) {
        return scope == null
                ? "not System-scoped"
                : scope.name().charAt(0) + scope.name().substring(1).toLowerCase(java.util.Locale.ROOT) + "-scoped";
    }
}
