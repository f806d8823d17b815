// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// The three-argument and varargs findCredentialById overloads read from
// jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java at
// d96751bcc06de7da229c321370456ea1cf7ca4ac.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.jenkins.ui.icon.IconSpec;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider>, IconSpec {
    public static final Permission USE_ITEM = stub();

    public CredentialsProvider() {}

    public static <C extends Credentials> List<C> lookupCredentialsInItem(
            Class<C> type, Item item, Authentication authentication) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static <C extends Credentials> List<C> lookupCredentialsInItem(
            Class<C> type, Item item, Authentication authentication, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static <C extends IdCredentials> C findCredentialById(
            String id, Class<C> type, Run<?, ?> run, DomainRequirement... domainRequirements) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static <C extends IdCredentials> C findCredentialById(
            String id, Class<C> type, Run<?, ?> run, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @SuppressWarnings("rawtypes")
    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    /** Keeps USE_ITEM non-constant, as in the real class. */
    private static <V> V stub() {
        return null;
    }
}
