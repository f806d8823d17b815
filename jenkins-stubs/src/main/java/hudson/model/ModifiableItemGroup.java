// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/ModifiableItemGroup.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package hudson.model;

public interface ModifiableItemGroup<T extends Item> extends ItemGroup<T> {}
