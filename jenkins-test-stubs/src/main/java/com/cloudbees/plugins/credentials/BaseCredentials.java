// Compile-only stub. Signatures read from
// jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/BaseCredentials.java
// at d96751bc (2026-04-22).
package com.cloudbees.plugins.credentials;

public class BaseCredentials implements Credentials {
    private static final long serialVersionUID = 1L;

    protected BaseCredentials() {}

    public BaseCredentials(CredentialsScope scope) {}

    @Override
    public CredentialsScope getScope() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
