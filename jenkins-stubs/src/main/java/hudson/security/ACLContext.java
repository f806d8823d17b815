// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.security;

public class ACLContext implements AutoCloseable {
    private ACLContext() {}

    @Override
    public void close() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
