package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import java.util.Objects;

/**
 * A user name and key for SSH to the physical host. {@code toString} shows the user only.
 *
 * @param username the login user, e.g. {@code root}
 * @param auth the private key (and passphrase)
 */
public record SshKeyLogin(String username, SshAuth auth) {
    public SshKeyLogin {
        Objects.requireNonNull(auth, "auth");
        username = username == null || username.isBlank() ? "root" : username.strip();
    }

    @Override
    public String toString() {
        return "SshKeyLogin[" + username + ", " + auth.method() + "]";
    }
}
