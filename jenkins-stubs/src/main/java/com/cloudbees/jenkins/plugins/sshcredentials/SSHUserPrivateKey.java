// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package com.cloudbees.jenkins.plugins.sshcredentials;

import hudson.util.Secret;
import java.util.List;

@SuppressWarnings("deprecation")
public interface SSHUserPrivateKey extends SSHUser {
    Secret getPassphrase();

    List<String> getPrivateKeys();
}
