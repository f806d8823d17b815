// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.security;

import org.springframework.security.core.Authentication;

public abstract class ACL {
    public static final Authentication SYSTEM2 = stub();

    public ACL() {}

    public static ACLContext as2(Authentication auth) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    /** Keeps SYSTEM2 non-constant, as in the real class. */
    private static <V> V stub() {
        return null;
    }
}
