// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.model;

import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

/** The constants are distinct objects so that offline tests can tell them apart; every method throws. */
public final class Result implements Serializable, CustomExportedBean {
    private static final long serialVersionUID = 1L;

    public static final Result SUCCESS = new Result();
    public static final Result UNSTABLE = new Result();
    public static final Result FAILURE = new Result();
    public static final Result NOT_BUILT = new Result();
    public static final Result ABORTED = new Result();

    private Result() {}

    public boolean isWorseThan(Result that) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
