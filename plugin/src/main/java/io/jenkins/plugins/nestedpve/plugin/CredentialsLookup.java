package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;
import hudson.security.ACL;
import java.util.List;

/** Finds one credential by id and type; a seam so the resolution rules are testable offline. */
public interface CredentialsLookup {
    /** The credential with this id if it exists and is of {@code type}; null otherwise. */
    <C extends IdCredentials> C find(String id, Class<C> type);

    /**
     * In a build: {@code CredentialsProvider.findCredentialById(id, type, run, List.of())}, which sees what the
     * build may use and records the use on the credential.
     */
    static CredentialsLookup forBuild(Run<?, ?> run) {
        return new CredentialsLookup() {
            @Override
            public <C extends IdCredentials> C find(String id, Class<C> type) {
                return CredentialsProvider.findCredentialById(id, type, run, List.of());
            }
        };
    }

    /**
     * Outside a build (connection test by an administrator): global credentials, looked up as the system.
     * Callers check {@code Jenkins.ADMINISTER} first.
     */
    static CredentialsLookup global() {
        return new CredentialsLookup() {
            @Override
            public <C extends IdCredentials> C find(String id, Class<C> type) {
                return CredentialsMatchers.firstOrNull(
                        CredentialsProvider.lookupCredentialsInItem(type, null, ACL.SYSTEM2, List.of()),
                        CredentialsMatchers.withId(id));
            }
        };
    }
}
