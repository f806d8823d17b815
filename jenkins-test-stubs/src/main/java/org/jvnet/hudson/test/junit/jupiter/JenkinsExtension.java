// Compile-only stub. Signatures read from
// jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsExtension.java
// at 2578.v44660312fd37 (the jenkins-test-harness the plugin parent pins).
package org.jvnet.hudson.test.junit.jupiter;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

public class JenkinsExtension implements ParameterResolver, AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
