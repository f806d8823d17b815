package io.jenkins.plugins.nestedpve.cluster;

import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * How to authenticate to the physical host: a PVE API token (recommended, {@code privsep=1} with
 * the privileges in pve-facts §8) and, for the nesting preflight, an SSH key or password. Kept out
 * of {@link ClusterSpec} so a spec can be logged and persisted; {@link #toString()} redacts every
 * secret.
 */
public final class HostCredentials {
    private final String apiTokenId;
    private final Secret apiTokenSecret;
    private final String sshUser;
    private final Secret sshPrivateKeyPem;
    private final Secret sshKeyPassphrase;
    private final Secret sshPassword;

    private HostCredentials(Builder b) {
        this.apiTokenId = Objects.requireNonNull(b.apiTokenId, "apiTokenId");
        this.apiTokenSecret = Objects.requireNonNull(b.apiTokenSecret, "apiTokenSecret");
        this.sshUser = b.sshUser;
        this.sshPrivateKeyPem = b.sshPrivateKeyPem;
        this.sshKeyPassphrase = b.sshKeyPassphrase;
        this.sshPassword = b.sshPassword;
    }

    /**
     * Starts credentials with an API token.
     *
     * @param tokenId {@code user@realm!tokenname}
     * @param secret the token's UUID secret
     */
    public static Builder apiToken(String tokenId, Secret secret) {
        Builder b = new Builder();
        b.apiTokenId = tokenId;
        b.apiTokenSecret = secret;
        return b;
    }

    /** {@code user@realm!tokenname}; not secret. */
    public String apiTokenId() {
        return apiTokenId;
    }

    public Secret apiTokenSecret() {
        return apiTokenSecret;
    }

    /** The SSH login on the physical host (usually {@code root}), when SSH credentials are set. */
    public Optional<String> sshUser() {
        return Optional.ofNullable(sshUser);
    }

    public Optional<Secret> sshPrivateKeyPem() {
        return Optional.ofNullable(sshPrivateKeyPem);
    }

    public Optional<Secret> sshKeyPassphrase() {
        return Optional.ofNullable(sshKeyPassphrase);
    }

    public Optional<Secret> sshPassword() {
        return Optional.ofNullable(sshPassword);
    }

    /** Whether SSH to the physical host can authenticate. */
    public boolean hasSsh() {
        return sshUser != null && (sshPrivateKeyPem != null || sshPassword != null);
    }

    @Override
    public String toString() {
        return "HostCredentials[apiTokenId=" + apiTokenId + ", apiTokenSecret=****"
                + (sshUser == null ? "" : ", sshUser=" + sshUser)
                + (sshPrivateKeyPem == null ? "" : ", sshPrivateKey=****")
                + (sshPassword == null ? "" : ", sshPassword=****") + "]";
    }

    /** Adds SSH credentials for the physical host. */
    public static final class Builder {
        private String apiTokenId;
        private Secret apiTokenSecret;
        private String sshUser;
        private Secret sshPrivateKeyPem;
        private Secret sshKeyPassphrase;
        private Secret sshPassword;

        private Builder() {}

        /** SSH with a private key (PEM/OpenSSH text); {@code passphrase} may be null. */
        public Builder sshKey(String user, Secret privateKeyPem, Secret passphrase) {
            this.sshUser = Objects.requireNonNull(user, "user");
            this.sshPrivateKeyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            this.sshKeyPassphrase = passphrase;
            return this;
        }

        /** SSH with a password. */
        public Builder sshPassword(String user, Secret password) {
            this.sshUser = Objects.requireNonNull(user, "user");
            this.sshPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        public HostCredentials build() {
            return new HostCredentials(this);
        }
    }
}
