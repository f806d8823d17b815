// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package com.cloudbees.plugins.credentials.common;

public interface StandardCredentials extends IdCredentials {
    String getDescription();
}
