// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/FilePath.java at
// jenkins-2.541.3 (2.541.x line);
// the plugin never creates a FilePath (it receives the workspace from the step context), so the public
// constructors are replaced by a private one; members the plugin never uses are omitted.
package hudson;

import java.io.IOException;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    private FilePath() {}

    public String getRemote() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void write(final String content, final String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
