// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractModelObject.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package hudson.model;

import hudson.search.SearchableModelObject;

public abstract class AbstractModelObject implements SearchableModelObject {
    public AbstractModelObject() {}
}
