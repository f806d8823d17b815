// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/Node.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import jenkins.util.io.OnMaster;

public abstract class Node extends AbstractModelObject
        implements ReconfigurableDescribable<Node>, ExtensionPoint, AccessControlled, OnMaster, PersistenceRoot {
    public Node() {}
}
