package io.jenkins.plugins.nestedpve.spec.file;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.spec.HostSshTarget;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code host} section: where the physical PVE host is, and its API token and SSH credentials. */
final class HostReader {
    static final Set<String> KEYS =
            Set.of("apiUrl", "node", "fingerprint", "tokenId", "tokenEnv", "tokenFile", "ssh", "pool", "reserveMiB");
    static final Set<String> SSH_KEYS = Set.of(
            "host",
            "port",
            "user",
            "hostKeyFingerprint",
            "privateKeyFile",
            "keyPassphraseEnv",
            "keyPassphraseFile",
            "passwordEnv",
            "passwordFile");

    private static final String TOKEN_HOW = "put the token's secret in an environment variable and write"
            + " 'tokenEnv: PVE_TOKEN', or in a file only you can read and write 'tokenFile: /path/to/file'";
    static final Map<String, String> SECRETS = Map.of(
            "token", TOKEN_HOW,
            "tokenSecret", TOKEN_HOW,
            "apiToken", TOKEN_HOW,
            "secret", TOKEN_HOW,
            "password", TOKEN_HOW);
    private static final String SSH_PASSWORD_HOW =
            "write 'passwordEnv: VARIABLE' or 'passwordFile: /path', or better use a key with 'privateKeyFile: /path'";
    private static final String SSH_KEY_HOW =
            "write 'privateKeyFile: /path/to/key' (and 'keyPassphraseEnv:" + " VARIABLE' when it is encrypted)";
    static final Map<String, String> SSH_SECRETS = Map.of(
            "password", SSH_PASSWORD_HOW,
            "privateKey", SSH_KEY_HOW,
            "key", SSH_KEY_HOW,
            "passphrase", SSH_KEY_HOW,
            "keyPassphrase", SSH_KEY_HOW);

    /**
     * What the section gave.
     *
     * @param credentials null when the token could not be read (a problem says why)
     */
    record Host(HostRef ref, HostCredentials credentials) {}

    private final SecretReader secrets;

    HostReader(SecretReader secrets) {
        this.secrets = secrets;
    }

    /** Reads {@code host}; a missing section is reported, everything else is left to the spec builder. */
    Optional<Host> read(YamlSection root) {
        Optional<YamlSection> section = root.section("host");
        if (section.isEmpty()) {
            if (!root.has("host")) {
                root.problems()
                        .add(
                                "host",
                                "is required — the physical PVE host: apiUrl, node, fingerprint, tokenId and"
                                        + " tokenEnv (see docs/spec-reference.md)");
            }
            return Optional.empty();
        }
        YamlSection host = section.get();
        host.rejectUnknown(KEYS, SECRETS);
        HostSshTarget ssh = host.section("ssh").map(this::sshTarget).orElse(null);
        HostRef ref = new HostRef(
                host.string("apiUrl").orElse(null),
                host.string("node").orElse(null),
                host.string("fingerprint").orElse(null),
                ssh);
        Optional<PveCredentials.ApiToken> token = token(host);
        if (token.isEmpty()) {
            return Optional.of(new Host(ref, null));
        }
        HostCredentials.Builder credentials = HostCredentials.apiToken(
                token.get().fullTokenId(), Secret.of(token.get().secret()));
        host.section("ssh").ifPresent(s -> sshCredentials(s, credentials));
        return Optional.of(new Host(ref, credentials.build()));
    }

    private HostSshTarget sshTarget(YamlSection ssh) {
        ssh.rejectUnknown(SSH_KEYS, SSH_SECRETS);
        return new HostSshTarget(
                ssh.string("host").orElse(null),
                ssh.integer("port").orElse(22),
                ssh.string("user").orElse("root"),
                ssh.string("hostKeyFingerprint").orElse(null));
    }

    /** {@code tokenId} plus the secret from {@code tokenEnv}/{@code tokenFile}; or a whole {@code user@realm!id=secret} there. */
    private Optional<PveCredentials.ApiToken> token(YamlSection host) {
        Optional<String> id = host.string("tokenId");
        if (id.isPresent() && id.get().contains("=")) {
            host.problems()
                    .add(
                            host.path("tokenId"),
                            "holds a secret after '=' — keep only user@realm!tokenname" + " here; " + TOKEN_HOW);
            return Optional.empty();
        }
        if (!host.has("tokenEnv") && !host.has("tokenFile")) {
            host.problems()
                    .add(
                            host.path("tokenEnv"),
                            "the API token is required — set tokenId: user@realm!tokenname" + " and " + TOKEN_HOW);
            return Optional.empty();
        }
        String field = host.path(host.has("tokenEnv") ? "tokenEnv" : "tokenFile");
        return secrets.read(host, "token", "the API token secret").flatMap(secret -> parse(host, id, field, secret));
    }

    /** The token from its id and secret, or from a whole {@code user@realm!id=secret} in the secret. */
    private static Optional<PveCredentials.ApiToken> parse(
            YamlSection host, Optional<String> id, String field, Secret secret) {
        try {
            String value = secret.reveal();
            if (value.contains("!") && value.contains("=")) {
                return Optional.of(PveCredentials.ApiToken.parse(value));
            }
            if (id.isEmpty()) {
                host.problems()
                        .add(
                                host.path("tokenId"),
                                "is required — the token's id, e.g. ci@pve!nested (the secret" + " alone is in " + field
                                        + ")");
                return Optional.empty();
            }
            return Optional.of(PveCredentials.ApiToken.of(id.get(), value));
        } catch (IllegalArgumentException e) {
            // the token's own messages never repeat the secret
            boolean secretWrong = e.getMessage().startsWith("API token secret");
            host.problems().add(id.isPresent() && !secretWrong ? host.path("tokenId") : field, e.getMessage());
            return Optional.empty();
        }
    }

    private void sshCredentials(YamlSection ssh, HostCredentials.Builder credentials) {
        String user = ssh.string("user").orElse("root");
        Optional<Secret> key = secrets.readFile(ssh, "privateKeyFile", "the private key for SSH to the host");
        Optional<Secret> passphrase = secrets.read(ssh, "keyPassphrase", "the private key's passphrase");
        Optional<Secret> password = secrets.read(ssh, "password", "root's SSH password on the host");
        if (key.isPresent()) {
            credentials.sshKey(user, key.get(), passphrase.orElse(null));
        } else if (password.isPresent()) {
            credentials.sshPassword(user, password.get());
        } else if (!ssh.has("privateKeyFile") && !ssh.has("passwordEnv") && !ssh.has("passwordFile")) {
            ssh.problems()
                    .add(
                            ssh.path("privateKeyFile"),
                            "SSH to the host needs credentials — write"
                                    + " 'privateKeyFile: /path/to/key' (or 'passwordEnv: VARIABLE'), or remove host.ssh");
        }
    }
}
