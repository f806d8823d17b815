// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.util;

import java.io.Serializable;

public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {}

    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getEncryptedValue() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static Secret decrypt(String data) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static String toString(Secret s) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
