package io.jenkins.plugins.nestedpve.spec.file;

import io.jenkins.plugins.nestedpve.cluster.GuestCredentials;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.spec.ClusterSpecBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code guest}: how to log in to a fresh clone of the template (its root password or a key),
 * and the ports sshd and the PVE API listen on inside the guests.
 */
final class GuestReader {
    static final Set<String> KEYS = Set.of(
            "rootPasswordEnv",
            "rootPasswordFile",
            "privateKeyFile",
            "keyPassphraseEnv",
            "keyPassphraseFile",
            "sshPort",
            "apiPort");

    private static final String PASSWORD_HOW = "put the template's root password in an environment variable and"
            + " write 'rootPasswordEnv: VARIABLE', or in a file only you can read and write 'rootPasswordFile: /path'";
    private static final String KEY_HOW =
            "write 'privateKeyFile: /path/to/key' (and 'keyPassphraseEnv: VARIABLE'" + " when it is encrypted)";
    static final Map<String, String> SECRETS = Map.of(
            "rootPassword", PASSWORD_HOW,
            "password", PASSWORD_HOW,
            "privateKey", KEY_HOW,
            "passphrase", KEY_HOW,
            "keyPassphrase", KEY_HOW);

    private final SecretReader secrets;

    GuestReader(SecretReader secrets) {
        this.secrets = secrets;
    }

    /**
     * Applies the ports to {@code builder} and returns the credentials, if the section gives any;
     * without {@code readSecrets} (commands that never log into a guest) none is read.
     */
    Optional<GuestCredentials> read(YamlSection root, ClusterSpecBuilder builder, boolean readSecrets) {
        Optional<YamlSection> section = root.section("guest");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlSection guest = section.get();
        guest.rejectUnknown(KEYS, SECRETS);
        guest.integer("sshPort").ifPresent(builder::guestSshPort);
        guest.integer("apiPort").ifPresent(builder::guestApiPort);
        if (!readSecrets) {
            return Optional.empty();
        }
        Optional<Secret> password = secrets.read(guest, "rootPassword", "the template's root password");
        Optional<Secret> key = secrets.readFile(guest, "privateKeyFile", "the private key for SSH to the guests");
        Optional<Secret> passphrase = secrets.read(guest, "keyPassphrase", "the private key's passphrase");
        if (key.isPresent()) {
            return Optional.of(GuestCredentials.privateKey(key.get(), passphrase.orElse(null)));
        }
        return password.map(GuestCredentials::password);
    }
}
