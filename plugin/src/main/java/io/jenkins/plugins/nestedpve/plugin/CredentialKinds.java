package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** The names the Jenkins credentials page gives the kinds of credentials this plugin uses. */
final class CredentialKinds {
    private CredentialKinds() {}

    static String describe(Class<?> type) {
        if (StringCredentials.class.isAssignableFrom(type)) {
            return "Secret text";
        }
        if (SSHUserPrivateKey.class.isAssignableFrom(type)) {
            return "SSH Username with private key";
        }
        if (StandardUsernamePasswordCredentials.class.isAssignableFrom(type)) {
            return "Username with password";
        }
        return type.getSimpleName();
    }
}
