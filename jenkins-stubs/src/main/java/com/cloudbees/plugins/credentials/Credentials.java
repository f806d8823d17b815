// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// The covariant getDescriptor() (CredentialsDescriptor) is omitted: the plugin never implements Credentials.
package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
    CredentialsScope getScope();
}
