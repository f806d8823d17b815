// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/slaves/ComputerLauncher.java
// at jenkins-2.541.3 (2.541.x line).
package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.Describable;

public abstract class ComputerLauncher implements Describable<ComputerLauncher>, ExtensionPoint {}
