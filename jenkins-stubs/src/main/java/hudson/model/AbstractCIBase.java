// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractCIBase.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package hudson.model;

import hudson.security.AccessControlled;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;

public abstract class AbstractCIBase extends Node
        implements ItemGroup<TopLevelItem>,
                StaplerProxy,
                StaplerFallback,
                ViewGroup,
                AccessControlled,
                DescriptorByNameOwner {
    public AbstractCIBase() {}
}
