// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.model;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public interface TaskListener extends SerializableOnlyOverRemoting {
    PrintStream getLogger();

    default PrintWriter error(String msg) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    default PrintWriter error(String format, Object... args) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    default PrintWriter fatalError(String msg) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    TaskListener NULL = stub();

    /** Keeps NULL non-constant, as in the real interface. */
    private static <V> V stub() {
        return null;
    }
}
