package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;

/** Lists the root credentials of one type for a drop-down; a seam so form handlers are testable offline. */
@FunctionalInterface
public interface CredentialsListing {
    /**
     * The empty choice, every System-scoped credential of {@code type} at the Jenkins root (the only scope the
     * hosts' credentials may have: any other is readable by Pipelines and refused when used), and {@code current} even when it no longer resolves (so saving
     * the form does not silently drop it). Call only after a permission check.
     */
    ListBoxModel list(Class<? extends StandardCredentials> type, String current);

    /**
     * Lists as the system at the Jenkins root (an item group): there the credentials plugin includes System scope
     * (credentials-plugin {@code SystemCredentialsProvider.ProviderImpl#getCredentialsInItemGroup}); only those
     * match {@link CredentialScopes#SYSTEM_ONLY}.
     */
    static CredentialsListing jenkins() {
        return (type, current) -> new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), type, List.of(), CredentialScopes.SYSTEM_ONLY)
                .includeCurrentValue(current);
    }
}
