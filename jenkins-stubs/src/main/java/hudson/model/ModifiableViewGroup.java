// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/ModifiableViewGroup.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package hudson.model;

public interface ModifiableViewGroup extends ViewGroup {}
