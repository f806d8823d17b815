// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.model;

public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
