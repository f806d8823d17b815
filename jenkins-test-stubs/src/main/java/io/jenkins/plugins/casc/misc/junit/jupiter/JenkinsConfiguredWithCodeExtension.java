// Compile-only stub. Signatures read from
// jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/junit/jupiter/JenkinsConfiguredWithCodeExtension.java
// at 2117.vc05a_0b_e6b_f4e (its test-harness module).
package io.jenkins.plugins.casc.misc.junit.jupiter;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

class JenkinsConfiguredWithCodeExtension
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver, AfterEachCallback {
    @Override
    public void beforeAll(ExtensionContext extensionContext) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void afterAll(ExtensionContext extensionContext) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

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
