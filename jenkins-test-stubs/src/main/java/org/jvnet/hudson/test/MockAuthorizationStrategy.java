// Compile-only stub. Signatures read from
// jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java
// at 2578.v44660312fd37 (the jenkins-test-harness the plugin parent pins). The grant chain the plugin's tests use.
package org.jvnet.hudson.test;

import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import java.util.Set;

public class MockAuthorizationStrategy extends AuthorizationStrategy {
    public MockAuthorizationStrategy() {}

    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public class Grant {
        Grant(Set<Permission> permissions) {}

        public GrantOn everywhere() {
            throw new UnsupportedOperationException("compile-only stub");
        }

        public class GrantOn {
            GrantOn(String regexp) {}

            public MockAuthorizationStrategy to(String... sids) {
                throw new UnsupportedOperationException("compile-only stub");
            }
        }
    }
}
