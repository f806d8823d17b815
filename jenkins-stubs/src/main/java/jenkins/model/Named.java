// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/jenkins/model/Named.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package jenkins.model;

public interface Named {}
