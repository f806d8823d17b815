// Compile-only stub. Signatures read from
// jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/JenkinsConfiguredRule.java
// at 2117.vc05a_0b_e6b_f4e (its test-harness module).
package io.jenkins.plugins.casc.misc;

import org.jvnet.hudson.test.JenkinsRule;

public class JenkinsConfiguredRule extends JenkinsRule {
    public String exportToString(boolean strict) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
