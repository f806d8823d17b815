package io.jenkins.plugins.nestedpve.ssh;

import java.io.IOException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/** Logs in on a connected client; messages name the user, host and method, never the secret. */
final class SshLogin {
    private final SSHClient client;
    private final SshTarget target;

    SshLogin(SSHClient client, SshTarget target) {
        this.client = client;
        this.target = target;
    }

    void authenticate(SshAuth auth) {
        try {
            if (auth instanceof SshAuth.PrivateKey key) {
                client.authPublickey(target.user(), load(key));
            } else if (auth instanceof SshAuth.GeneratedKey key) {
                client.authPublickey(target.user(), new KeyPairWrapper(key.pair()));
            } else if (auth instanceof SshAuth.Password password) {
                client.authPassword(target.user(), password.password().toCharArray());
            }
        } catch (UserAuthException e) {
            // sshj's message is generic ("Exhausted available authentication methods"); ours says what to check
            throw new SshAuthException(target, auth.method(), refused(auth), e);
        } catch (TransportException e) {
            // the server dropped the connection during login, e.g. sshd restarting on a booting guest
            throw new SshConnectException(
                    target.hostPort(),
                    "SSH on " + target.hostPort() + " dropped the connection during login: " + SshConnector.describe(e),
                    e);
        }
    }

    private String refused(SshAuth auth) {
        String hint;
        if (auth instanceof SshAuth.PrivateKey key) {
            hint = "check that its public key is in " + target.user() + "'s authorized_keys"
                    + (key.hasPassphrase() ? " and that the passphrase is right" : "");
        } else if (auth instanceof SshAuth.GeneratedKey) {
            hint = "check that the generated public key was added to " + target.user() + "'s authorized_keys";
        } else {
            hint = "check the password and that sshd allows PasswordAuthentication";
        }
        return "SSH login as " + target.user() + " on " + target.hostPort() + " by " + auth.method() + " was refused; "
                + hint;
    }

    private KeyProvider load(SshAuth.PrivateKey key) {
        PasswordFinder passphrase = key.hasPassphrase() ? new Passphrase(key.passphrase()) : null;
        try {
            KeyProvider provider = client.loadKeys(key.pem(), null, passphrase);
            // sshj parses lazily; reading the public half now tells a broken key from a refused one
            provider.getPublic();
            return provider;
        } catch (IOException | RuntimeException e) {
            // the parser's message could quote the key text, so it is neither shown nor chained
            throw new SshAuthException(
                    target,
                    "publickey",
                    "the private key for " + target + " could not be read ("
                            + e.getClass().getSimpleName()
                            + "); check that the credential holds a whole OpenSSH, PKCS#8 or PEM private key"
                            + (key.hasPassphrase() ? " and that its passphrase is right" : ""),
                    null);
        }
    }

    /** Hands sshj a fresh copy on every request (sshj may clear what it was given). */
    private static final class Passphrase implements PasswordFinder {
        private final String passphrase;

        Passphrase(String passphrase) {
            this.passphrase = passphrase;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            return passphrase.toCharArray();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        @Override
        public String toString() {
            return "Passphrase[<redacted>]";
        }
    }
}
