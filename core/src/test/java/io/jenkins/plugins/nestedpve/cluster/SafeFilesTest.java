package io.jenkins.plugins.nestedpve.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {
    @TempDir
    Path dir;

    @Test
    void aPrivateFileIsOwnerOnlyFromTheStart() throws Exception {
        Path file = SafeFiles.write(dir.resolve("c.root-password"), "pw\n", SafeFiles.Visibility.PRIVATE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SafeFiles.ownerOnly(file)).isTrue();
        assertThat(Files.readString(file)).isEqualTo("pw\n");
    }

    @Test
    void aSymlinkSwappedInAtAPrivateTargetIsReplacedNotFollowed() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path target = dir.resolve("c.root-password");
        Files.createSymbolicLink(target, victim);

        SafeFiles.write(target, "pw\n", SafeFiles.Visibility.PRIVATE);

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(target)).isFalse();
        assertThat(SafeFiles.ownerOnly(target)).isTrue();
    }

    @Test
    void createRefusesAnExistingFile() throws Exception {
        Path target = Files.writeString(dir.resolve("key"), "old");
        assertThatThrownBy(() -> SafeFiles.create(target, "new", SafeFiles.Visibility.PRIVATE))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(target);
        }
    }

    @Test
    void aWiderFileIsNotOwnerOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("k"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(SafeFiles.ownerOnly(file)).isFalse();
    }

    @Test
    void readingDoesNotFollowASymlink() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "secret of another");
        Path link = Files.createSymbolicLink(dir.resolve("key"), victim);
        assertThatThrownBy(() -> SafeFiles.read(link)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aFileSystemWithoutPermissionsOrAclsIsRefusedForSecrets() {
        assertThat(SafeFiles.protection(true, false)).isEqualTo(SafeFiles.Protection.POSIX);
        assertThat(SafeFiles.protection(false, true)).isEqualTo(SafeFiles.Protection.ACL);
        assertThat(SafeFiles.protection(false, false)).isEqualTo(SafeFiles.Protection.NONE);
    }

    @Test
    void aPendingInterruptDoesNotFailTheWriteAndIsKept() throws Exception {
        Thread.currentThread().interrupt();
        try {
            SafeFiles.write(dir.resolve("d.json"), "{}", SafeFiles.Visibility.NORMAL);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(Files.readString(dir.resolve("d.json"))).isEqualTo("{}");
    }
}
