// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson;

import java.util.AbstractList;
import jenkins.util.io.OnMaster;

public class ExtensionList<T> extends AbstractList<T> implements OnMaster {
    private ExtensionList() {}

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
