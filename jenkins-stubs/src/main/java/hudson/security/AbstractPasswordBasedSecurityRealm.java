// Compile-only stub. Signatures read from
// jenkinsci/jenkins:core/src/main/java/hudson/security/AbstractPasswordBasedSecurityRealm.java
// at jenkins-2.541.3 (2.541.x line). The abstract methods are left out.
package hudson.security;

public abstract class AbstractPasswordBasedSecurityRealm extends SecurityRealm {}
