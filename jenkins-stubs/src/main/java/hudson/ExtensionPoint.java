// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson;

public interface ExtensionPoint {}
