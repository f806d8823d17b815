// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

public abstract class FormValidation extends IOException implements HttpResponse {
    private static final long serialVersionUID = 1L;

    private FormValidation() {}

    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static FormValidation error(Throwable e, String message) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static FormValidation validatePositiveInteger(String value) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static FormValidation validateRequired(String value) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
