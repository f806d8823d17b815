// Compile-only stub. Signatures read from
// jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/impl/UsernamePasswordCredentialsImpl.java
// at d96751bc (2026-04-22).
package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Descriptor;
import hudson.util.Secret;

public class UsernamePasswordCredentialsImpl extends BaseStandardCredentials
        implements StandardUsernamePasswordCredentials {
    private static final long serialVersionUID = 1L;

    public UsernamePasswordCredentialsImpl(
            CredentialsScope scope, String id, String description, String username, String password)
            throws Descriptor.FormException {
        super(scope, id, description);
    }

    @Override
    public Secret getPassword() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public String getUsername() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
