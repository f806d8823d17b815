// Compile-only stub. Signatures read from
// jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsSessionExtension.java
// at 2578.v44660312fd37 (the jenkins-test-harness the plugin parent pins).
package org.jvnet.hudson.test.junit.jupiter;

import java.io.File;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.fixtures.JenkinsSessionFixture;

public class JenkinsSessionExtension implements BeforeEachCallback, AfterEachCallback {
    public File getHome() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @FunctionalInterface
    public interface Step extends JenkinsSessionFixture.Step {}

    public void then(Step s) throws Throwable {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
