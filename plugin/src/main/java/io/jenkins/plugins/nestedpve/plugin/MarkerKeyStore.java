package io.jenkins.plugins.nestedpve.plugin;

import hudson.util.Secret;
import io.jenkins.plugins.nestedpve.cluster.MarkerKey;
import io.jenkins.plugins.nestedpve.cluster.SafeFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Keeps the key that signs this installation's ownership markers in {@code $JENKINS_HOME/nested-pve/marker-key}:
 * created on first use, mode 600 (an owner-only ACL elsewhere), encrypted with Jenkins' own secret key like
 * stored credentials. It never goes into a log, a build, a VM description or the exported configuration; losing
 * it disowns every guest created before (they are listed by the reaper, never destroyed).
 */
final class MarkerKeyStore {
    /** Where the key lives, relative to {@code $JENKINS_HOME}. */
    static final String RELATIVE_PATH = "nested-pve/marker-key";

    /** Encrypts the key at rest; a seam so tests need no Jenkins. */
    interface Cipher {
        String encrypt(String plain);

        String decrypt(String stored);

        /** {@link Secret}: Jenkins' master key. */
        static Cipher jenkins() {
            return new Cipher() {
                @Override
                public String encrypt(String plain) {
                    return Secret.fromString(plain).getEncryptedValue();
                }

                @Override
                public String decrypt(String stored) {
                    Secret s = Secret.decrypt(stored);
                    return s == null ? null : s.getPlainText();
                }
            };
        }
    }

    private final Path file;
    private final Cipher cipher;

    MarkerKeyStore(Path file, Cipher cipher) {
        this.file = Objects.requireNonNull(file, "file");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /**
     * The stored key, created on first use.
     *
     * @throws IllegalStateException when the file is readable by others, cannot be decrypted or written (the
     *     message names the file and what to do; it never contains the key)
     */
    MarkerKey load() {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    SafeFiles.create(
                            file, cipher.encrypt(MarkerKey.generate().encoded()) + "\n", SafeFiles.Visibility.PRIVATE);
                } catch (FileAlreadyExistsException e) {
                    // created meanwhile: use it
                }
            }
            if (!SafeFiles.ownerOnly(file)) {
                throw new IllegalStateException(file + " (the key that signs the ownership markers of nested-pve) is"
                        + " readable by others: run 'chmod 600 " + file + "' as the Jenkins user");
            }
            String plain = cipher.decrypt(SafeFiles.read(file).strip());
            if (plain == null) {
                throw new IllegalStateException(file + " cannot be decrypted with this Jenkins' secret key: restore"
                        + " it (and $JENKINS_HOME/secrets) from the same backup, or delete it to start a new key (guests"
                        + " created before are then never destroyed automatically)");
            }
            return MarkerKey.decode(plain);
        } catch (IOException e) {
            throw new IllegalStateException("cannot use the marker key " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold a marker key (" + e.getMessage() + "): restore it"
                    + " from a backup, or delete it to start a new key");
        }
    }
}
