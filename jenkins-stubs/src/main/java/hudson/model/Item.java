// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.model;

import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;
import jenkins.model.Named;
import jenkins.util.io.OnMaster;

public interface Item
        extends PersistenceRoot,
                FullyNamedModelObject,
                SearchableModelObject,
                FullyNamed,
                Named,
                AccessControlled,
                OnMaster {
    String getFullName();

    Permission CONFIGURE = stub();
    Permission EXTENDED_READ = stub();
    Permission READ = stub();
    Permission BUILD = stub();

    /** Keeps the constants above non-constant, as in the real interface. */
    private static <V> V stub() {
        return null;
    }
}
