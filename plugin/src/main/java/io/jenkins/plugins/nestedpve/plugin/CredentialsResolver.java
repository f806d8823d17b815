package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import java.util.List;
import java.util.Objects;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns credential ids from the host configuration into the core's credential values, at the moment they are
 * needed (nothing is cached: program.dat and the lease file hold ids only). Every failure is an
 * {@link AbortException} that names the id, what it is for and what to do; no message contains a secret. Only
 * System-scoped credentials are accepted ({@link CredentialScopes}): any other scope is readable by Pipelines.
 */
public final class CredentialsResolver {
    private static final String WHERE = "Manage Jenkins » Credentials";

    private final CredentialsLookup lookup;
    private final SecretReader secrets;

    public CredentialsResolver(CredentialsLookup lookup, SecretReader secrets) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * A PVE API token from a "Secret text" credential holding {@code user@realm!tokenid=secret}.
     *
     * @param usedFor what needs it, for the messages, e.g. "the API token of PVE host 'lab'"
     */
    public PveCredentials.ApiToken apiToken(String id, String usedFor) throws AbortException {
        StringCredentials c = require(id, StringCredentials.class, usedFor);
        String spec = secrets.reveal(c.getSecret());
        try {
            return PveCredentials.apiToken(spec);
        } catch (IllegalArgumentException e) {
            // the core's message names the wrong part and never echoes the secret
            throw new AbortException(
                    "Credentials '" + id + "' (" + usedFor + ") do not hold a PVE API token: " + e.getMessage());
        }
    }

    /** An SSH login from an "SSH Username with private key" credential (the first key is used). */
    public SshKeyLogin sshKey(String id, String usedFor) throws AbortException {
        SSHUserPrivateKey c = require(id, SSHUserPrivateKey.class, usedFor);
        List<String> keys = c.getPrivateKeys();
        if (keys == null || keys.isEmpty() || keys.get(0).isBlank()) {
            throw new AbortException("Credentials '" + id + "' (" + usedFor + ") contain no private key: paste the"
                    + " key (PEM or OpenSSH format) into the credential in " + WHERE + ".");
        }
        String passphrase = secrets.reveal(c.getPassphrase());
        SshAuth auth = passphrase == null || passphrase.isEmpty()
                ? SshAuth.privateKey(keys.get(0))
                : SshAuth.privateKey(keys.get(0), passphrase);
        return new SshKeyLogin(c.getUsername(), auth);
    }

    /**
     * The core's credentials for a configured host: its API token, plus its SSH key when SSH to the host is
     * configured (for the nesting preflight).
     */
    public HostCredentials hostCredentials(PveHostConfig host) throws AbortException {
        PveCredentials.ApiToken token =
                apiToken(host.getTokenCredentialsId(), "the API token of PVE host '" + host.getId() + "'");
        HostCredentials.Builder b = HostCredentials.apiToken(token.fullTokenId(), Secret.of(token.secret()));
        if (host.hasSsh()) {
            SshKeyLogin login = sshKey(host.getSshCredentialsId(), "SSH to PVE host '" + host.getId() + "'");
            SshAuth.PrivateKey key = (SshAuth.PrivateKey) login.auth();
            b.sshKey(login.username(), Secret.of(key.pem()), key.hasPassphrase() ? Secret.of(key.passphrase()) : null);
        }
        return b.build();
    }

    private <C extends IdCredentials> C require(String id, Class<C> type, String usedFor) throws AbortException {
        String kind = CredentialKinds.describe(type);
        if (id == null || id.isBlank()) {
            throw new AbortException("No credentials are configured for " + usedFor + ": choose a \"" + kind
                    + "\" credential in Manage Jenkins » System » Nested PVE.");
        }
        C found = lookup.find(id, type);
        if (found != null) {
            if (!CredentialScopes.systemScoped(found)) {
                throw new AbortException(CredentialScopes.notSystemScoped(id, usedFor, found.getScope()));
            }
            return found;
        }
        IdCredentials other = lookup.find(id, IdCredentials.class);
        if (other != null) {
            throw new AbortException("Credentials '" + id + "' (" + usedFor + ") are of the kind \""
                    + CredentialKinds.describe(other.getClass()) + "\", but a \"" + kind + "\" credential is"
                    + " needed: create one in " + WHERE + " and select it for " + usedFor + ".");
        }
        throw new AbortException("No credentials with id '" + id + "' are visible for " + usedFor + ": add a \"" + kind
                + "\" credential with that id in " + WHERE + " (System scope), or select another one.");
    }
}
