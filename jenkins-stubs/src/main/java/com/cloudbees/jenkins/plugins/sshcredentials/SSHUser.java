// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package com.cloudbees.jenkins.plugins.sshcredentials;

import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;

/** Deprecated in the real API: use {@link SSHUserPrivateKey}. */
@Deprecated
public interface SSHUser extends StandardUsernameCredentials {}
