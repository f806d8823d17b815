package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;

/** Lists the global credentials of one type for a drop-down; a seam so form handlers are testable offline. */
@FunctionalInterface
public interface CredentialsListing {
    /**
     * The empty choice, every credential of {@code type} at the Jenkins root that builds can use (not System-scoped),
     * and {@code current} even when it no longer resolves (so saving the form does not silently drop it). Call only
     * after a permission check.
     */
    ListBoxModel list(Class<? extends StandardCredentials> type, String current);

    /** Lists as the system, at the Jenkins root: the hosts are global configuration. */
    static CredentialsListing jenkins() {
        return (type, current) -> new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), type, List.of(), CredentialScopes::usableByBuilds)
                .includeCurrentValue(current);
    }
}
