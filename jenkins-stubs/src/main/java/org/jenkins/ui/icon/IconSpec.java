// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/org/jenkins/ui/icon/IconSpec.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package org.jenkins.ui.icon;

public interface IconSpec {}
