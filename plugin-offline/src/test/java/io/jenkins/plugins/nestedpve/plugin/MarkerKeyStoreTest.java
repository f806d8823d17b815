package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkerKeyStoreTest {
    /** Stands in for Jenkins' master key: marks what it encrypts so the test sees that nothing is stored plain. */
    private static final MarkerKeyStore.Cipher CIPHER = new MarkerKeyStore.Cipher() {
        @Override
        public String encrypt(String plain) {
            return "{enc}" + new StringBuilder(plain).reverse();
        }

        @Override
        public String decrypt(String stored) {
            return stored.startsWith("{enc}")
                    ? new StringBuilder(stored.substring(5)).reverse().toString()
                    : null;
        }
    };

    @TempDir
    Path home;

    private MarkerKeyStore store() {
        return new MarkerKeyStore(home.resolve(MarkerKeyStore.RELATIVE_PATH), CIPHER);
    }

    @Test
    void theKeyIsCreatedOnceEncryptedAndOwnerOnly() throws Exception {
        var first = store().load();
        Path file = home.resolve(MarkerKeyStore.RELATIVE_PATH);

        assertThat(store().load()).isEqualTo(first);
        assertThat(Files.readString(file)).startsWith("{enc}").doesNotContain(first.encoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aKeyFileReadableByOthersIsRefused() throws Exception {
        store().load();
        Path file = home.resolve(MarkerKeyStore.RELATIVE_PATH);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> store().load()).hasMessageContaining("chmod 600");
    }

    @Test
    void aKeyThatCannotBeDecryptedSaysWhatToDo() throws Exception {
        store().load();
        Path file = home.resolve(MarkerKeyStore.RELATIVE_PATH);
        Files.writeString(file, "not encrypted by this Jenkins\n");

        assertThatThrownBy(() -> store().load())
                .hasMessageContaining("cannot be decrypted")
                .hasMessageContaining("restore");
    }
}
