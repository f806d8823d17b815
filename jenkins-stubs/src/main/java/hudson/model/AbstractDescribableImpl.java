// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.model;

/** Deprecated in the real API since 2.505: implement {@link Describable} directly. */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    public AbstractDescribableImpl() {}
}
