// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/console/ConsoleLogFilter.java at
// jenkins-2.541.3 (2.541.x line);
// the deprecated AbstractBuild and the Computer overloads are omitted.
package hudson.console;

import hudson.ExtensionPoint;
import hudson.model.Run;
import java.io.IOException;
import java.io.OutputStream;

public abstract class ConsoleLogFilter implements ExtensionPoint {
    public ConsoleLogFilter() {}

    @SuppressWarnings("rawtypes")
    public OutputStream decorateLogger(Run build, OutputStream logger) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
