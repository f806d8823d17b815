// Compile-only stub. Signatures read from
// jenkinsci/jenkins:core/src/main/java/jenkins/model/ModifiableTopLevelItemGroup.java at jenkins-2.541.3 (2.541.x
// line);
// members the plugin never uses are omitted.
package jenkins.model;

import hudson.model.ModifiableItemGroup;
import hudson.model.TopLevelItem;

public interface ModifiableTopLevelItemGroup extends ModifiableItemGroup<TopLevelItem> {}
