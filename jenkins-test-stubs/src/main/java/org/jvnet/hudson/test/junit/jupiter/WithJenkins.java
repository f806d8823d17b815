// Compile-only stub. Signatures read from
// jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/WithJenkins.java
// at 2578.v44660312fd37 (the jenkins-test-harness the plugin parent pins).
package org.jvnet.hudson.test.junit.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(JenkinsExtension.class)
public @interface WithJenkins {}
