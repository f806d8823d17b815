// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractItem.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package hudson.model;

import hudson.security.AccessControlled;
import jenkins.model.Loadable;
import org.kohsuke.stapler.HttpDeletable;
import org.kohsuke.stapler.StaplerProxy;

public abstract class AbstractItem extends Actionable
        implements Loadable, Item, HttpDeletable, AccessControlled, DescriptorByNameOwner, StaplerProxy {
    @SuppressWarnings("rawtypes")
    protected AbstractItem(ItemGroup parent, String name) {}
}
