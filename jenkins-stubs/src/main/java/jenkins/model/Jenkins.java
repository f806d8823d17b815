// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// getRootDir() read from jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java at jenkins-2.541.3 (2.541.x
// line).
// Members the plugin's Jenkins tests use are listed in jenkins-stubs/src/test/resources/signatures/additions/.
package jenkins.model;

import hudson.model.AbstractCIBase;
import hudson.model.DescriptorByNameOwner;
import hudson.model.Item;
import hudson.model.ModifiableViewGroup;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import hudson.security.SecurityRealm;
import java.io.File;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;
import org.springframework.security.access.AccessDeniedException;

public class Jenkins extends AbstractCIBase
        implements DirectlyModifiableTopLevelItemGroup,
                StaplerProxy,
                StaplerFallback,
                ModifiableViewGroup,
                AccessControlled,
                DescriptorByNameOwner,
                ModelObjectWithContextMenu,
                ModelObjectWithChildren,
                OnMaster,
                Loadable {
    public static final Permission ADMINISTER = stub();
    public static final Permission MANAGE = stub();
    public static final Permission READ = stub();

    private Jenkins() {}

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void setSecurityRealm(SecurityRealm securityRealm) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void setAuthorizationStrategy(AuthorizationStrategy a) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public Item getItemByFullName(String fullName) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    /** Keeps the permission constants non-constant, as in the real class. */
    private static <V> V stub() {
        return null;
    }
}
