// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/ResourceController.java
// at jenkins-2.541.3 (2.541.x line).
package hudson.model;

public class ResourceController {}
