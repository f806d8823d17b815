// Compile-only stub. Signatures read from
// jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/SystemCredentialsProvider.java
// at d96751bc (2026-04-22).
package com.cloudbees.plugins.credentials;

import hudson.model.AbstractDescribableImpl;
import hudson.model.Saveable;
import java.io.IOException;
import java.util.List;

public class SystemCredentialsProvider extends AbstractDescribableImpl<SystemCredentialsProvider> implements Saveable {
    private SystemCredentialsProvider() {}

    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public List<Credentials> getCredentials() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
