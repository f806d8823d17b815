// Compile-only stub. Signatures read from
// jenkinsci/plain-credentials-plugin:src/main/java/org/jenkinsci/plugins/plaincredentials/impl/StringCredentialsImpl.java
// at 19caf8f (2026-06-01).
package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

public final class StringCredentialsImpl extends BaseStandardCredentials implements StringCredentials {
    private static final long serialVersionUID = 1L;

    public StringCredentialsImpl(CredentialsScope scope, String id, String description, Secret secret) {
        super(scope, id, description);
    }

    @Override
    public Secret getSecret() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
