package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.security.ACL;
import java.util.List;

/** Finds one credential by id and type; a seam so the resolution rules are testable offline. */
public interface CredentialsLookup {
    /** The credential with this id if it exists and is of {@code type}; null otherwise. */
    <C extends IdCredentials> C find(String id, Class<C> type);

    /**
     * The hosts' credentials: looked up as the system at the Jenkins root, for builds too, so System-scoped
     * credentials resolve and no build's permissions are involved.
     * {@code CredentialsProvider.lookupCredentialsInItem(type, null, ACL.SYSTEM2, ...)} looks up in the item group
     * {@code Jenkins.get()} when the item is null, and there, as the system, System scope is included
     * (credentials-plugin {@code CredentialsProvider#lookupCredentialsInItem},
     * {@code SystemCredentialsProvider.ProviderImpl#getCredentialsInItemGroup}). Callers are the engine (after an
     * administrator chose the ids) or check {@code Jenkins.ADMINISTER} first.
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
