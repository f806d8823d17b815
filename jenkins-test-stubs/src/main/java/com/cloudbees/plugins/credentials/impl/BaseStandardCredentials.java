// Compile-only stub. Signatures read from
// jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/impl/BaseStandardCredentials.java
// at d96751bc (2026-04-22).
package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    private static final long serialVersionUID = 1L;

    public BaseStandardCredentials(String id, String description) {}

    public BaseStandardCredentials(CredentialsScope scope, String id, String description) {}

    @Override
    public String getDescription() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public String getId() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
