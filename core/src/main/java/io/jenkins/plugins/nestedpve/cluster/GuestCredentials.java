package io.jenkins.plugins.nestedpve.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * The template's root login: its root password or a private key whose public half is in the
 * template's {@code /root/.ssh/authorized_keys}. <strong>No longer used by the engine</strong>: a
 * new guest is reached with a key made for its cluster and placed through the guest agent, its host
 * keys verified the same way (docs/security-guest-trust.md). Kept so that callers still passing it
 * compile. {@link #toString()} redacts every secret.
 */
public final class GuestCredentials {
    private final Secret templateRootPassword;
    private final Secret privateKeyPem;
    private final Secret keyPassphrase;

    private GuestCredentials(Secret templateRootPassword, Secret privateKeyPem, Secret keyPassphrase) {
        if (templateRootPassword == null && privateKeyPem == null) {
            throw new IllegalArgumentException(
                    "guest credentials need the template's root password or an SSH private key");
        }
        this.templateRootPassword = templateRootPassword;
        this.privateKeyPem = privateKeyPem;
        this.keyPassphrase = keyPassphrase;
    }

    /** Log in with the template's root password. */
    public static GuestCredentials password(Secret templateRootPassword) {
        return new GuestCredentials(Objects.requireNonNull(templateRootPassword, "templateRootPassword"), null, null);
    }

    /** Log in with a private key; {@code passphrase} may be null. */
    public static GuestCredentials privateKey(Secret privateKeyPem, Secret passphrase) {
        return new GuestCredentials(null, Objects.requireNonNull(privateKeyPem, "privateKeyPem"), passphrase);
    }

    public Optional<Secret> templateRootPassword() {
        return Optional.ofNullable(templateRootPassword);
    }

    public Optional<Secret> privateKeyPem() {
        return Optional.ofNullable(privateKeyPem);
    }

    public Optional<Secret> keyPassphrase() {
        return Optional.ofNullable(keyPassphrase);
    }

    @Override
    public String toString() {
        return "GuestCredentials[" + (templateRootPassword == null ? "" : "templateRootPassword=****")
                + (templateRootPassword != null && privateKeyPem != null ? ", " : "")
                + (privateKeyPem == null ? "" : "privateKey=****") + "]";
    }
}
