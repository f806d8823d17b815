// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractItem.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
// Members the plugin's Jenkins tests use are listed in jenkins-stubs/src/test/resources/signatures/additions/.
package hudson.model;

import hudson.security.ACL;
import hudson.security.AccessControlled;
import jenkins.model.Loadable;
import org.kohsuke.stapler.HttpDeletable;
import org.kohsuke.stapler.StaplerProxy;

public abstract class AbstractItem extends Actionable
        implements Loadable, Item, HttpDeletable, AccessControlled, DescriptorByNameOwner, StaplerProxy {
    @SuppressWarnings("rawtypes")
    protected AbstractItem(ItemGroup parent, String name) {}

    public final String getFullName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
