package io.jenkins.plugins.nestedpve.ssh;

import java.util.Objects;

/**
 * How to authenticate: a private key (OpenSSH, PKCS#8 or PEM text, optionally encrypted) or a
 * password. {@code toString} never shows the secret.
 */
public sealed interface SshAuth permits SshAuth.PrivateKey, SshAuth.Password, SshAuth.GeneratedKey {
    /** A private key without passphrase. */
    static SshAuth privateKey(String pem) {
        return new PrivateKey(pem, null);
    }

    /** A private key encrypted with {@code passphrase}. */
    static SshAuth privateKey(String pem, String passphrase) {
        return new PrivateKey(pem, Objects.requireNonNull(passphrase, "passphrase"));
    }

    static SshAuth password(String password) {
        return new Password(password);
    }

    /** A key pair generated in memory (never written as text), e.g. a cluster's own key. */
    static SshAuth keyPair(java.security.KeyPair pair) {
        return new GeneratedKey(pair);
    }

    /** The SSH authentication method name, for messages: {@code publickey} or {@code password}. */
    String method();

    /**
     * Public-key authentication.
     *
     * @param pem the private key text, e.g. {@code -----BEGIN OPENSSH PRIVATE KEY-----...}
     * @param passphrase the key's passphrase, or {@code null} when the key is not encrypted
     */
    record PrivateKey(String pem, String passphrase) implements SshAuth {
        public PrivateKey {
            Objects.requireNonNull(pem, "pem");
            if (pem.isBlank()) {
                throw new IllegalArgumentException("private key text must not be blank");
            }
        }

        public boolean hasPassphrase() {
            return passphrase != null;
        }

        @Override
        public String method() {
            return "publickey";
        }

        @Override
        public String toString() {
            return "PrivateKey[pem=<redacted>, passphrase=" + (hasPassphrase() ? "<redacted>" : "none") + "]";
        }
    }

    /** Password authentication. */
    record Password(String password) implements SshAuth {
        public Password {
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String method() {
            return "password";
        }

        @Override
        public String toString() {
            return "Password[<redacted>]";
        }
    }

    /**
     * Public-key authentication with a key pair that exists only in memory.
     *
     * @param pair the key pair; its private half is never shown
     */
    record GeneratedKey(java.security.KeyPair pair) implements SshAuth {
        public GeneratedKey {
            Objects.requireNonNull(pair, "pair");
            Objects.requireNonNull(pair.getPrivate(), "pair.private");
            Objects.requireNonNull(pair.getPublic(), "pair.public");
        }

        @Override
        public String method() {
            return "publickey";
        }

        @Override
        public String toString() {
            return "GeneratedKey[" + pair.getPublic().getAlgorithm() + ", private=<redacted>]";
        }
    }
}
