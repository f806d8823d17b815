// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/Node.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
// Members the plugin's Jenkins tests use are listed in jenkins-stubs/src/test/resources/signatures/additions/.
package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import jenkins.util.io.OnMaster;

public abstract class Node extends AbstractModelObject
        implements ReconfigurableDescribable<Node>, ExtensionPoint, AccessControlled, OnMaster, PersistenceRoot {
    public Node() {}

    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
