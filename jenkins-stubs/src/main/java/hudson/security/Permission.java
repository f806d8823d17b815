// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.security;

public final class Permission {
    private Permission() {}
}
