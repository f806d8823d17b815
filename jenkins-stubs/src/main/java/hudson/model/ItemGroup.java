// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/ItemGroup.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package hudson.model;

import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;

public interface ItemGroup<T extends Item> extends FullyNamed, FullyNamedModelObject, PersistenceRoot {}
