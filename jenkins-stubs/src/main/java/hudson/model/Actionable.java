// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/Actionable.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
// Members the plugin's Jenkins tests use are listed in jenkins-stubs/src/test/resources/signatures/additions/.
package hudson.model;

import java.util.List;
import jenkins.model.ModelObjectWithContextMenu;

public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {
    public Actionable() {}

    public List<Action> getActions() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
