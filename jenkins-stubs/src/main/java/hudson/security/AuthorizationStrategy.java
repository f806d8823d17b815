// Compile-only stub. Signatures read from
// jenkinsci/jenkins:core/src/main/java/hudson/security/AuthorizationStrategy.java
// at jenkins-2.541.3 (2.541.x line). The abstract methods are left out.
package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;

public abstract class AuthorizationStrategy implements Describable<AuthorizationStrategy>, ExtensionPoint {}
