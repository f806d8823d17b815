// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/Actionable.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package hudson.model;

import jenkins.model.ModelObjectWithContextMenu;

public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {
    public Actionable() {}

    public void addAction(Action a) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
